namespace VodPowerShell.Emulator.Hosting
{
    /// <summary>Which event format push mode sends (docs/protocol.md §9.4: accounts after 2019 get the 3.0 one).</summary>
    public enum CallbackFormat
    {
        V2,
        V3,
    }
}
