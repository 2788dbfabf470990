namespace VodPowerShell.Emulator.Hosting
{
    /// <summary>The credential the emulator accepts unless told otherwise. Not a secret: it only opens the emulator.</summary>
    public static class DefaultCredential
    {
        public const string SecretId = "AKIDVodEmulator0000000000000000000000";
        public const string SecretKey = "VodEmulatorSecretKey000000000000";
    }
}
