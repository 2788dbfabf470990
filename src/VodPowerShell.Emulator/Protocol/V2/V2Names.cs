namespace VodPowerShell.Emulator.Protocol.V2
{
    /// <summary>Parameter and action names of the v2 wire format (docs/protocol.md §1.2, §5.1–5.5).</summary>
    public static class V2Names
    {
        public const string Path = "/v2/index.php";

        /// <summary>How the ledger names this front end.</summary>
        public const string LedgerApi = "v2";

        public const string Action = "Action";
        public const string Timestamp = "Timestamp";
        public const string Nonce = "Nonce";
        public const string SecretId = "SecretId";
        public const string Signature = "Signature";
        public const string SignatureMethod = "SignatureMethod";
        public const string Token = "Token";

        public const string FileId = "fileId";
        public const string Definition = "definition";
        public const string VodTaskId = "vodTaskId";
        public const string Status = "status";
        public const string MaxCount = "maxCount";
        public const string Next = "next";
        public const string MsgHandlePrefix = "msgHandle.";

        public const string CreateImageSprite = "CreateImageSprite";
        public const string GetTaskInfo = "GetTaskInfo";
        public const string GetTaskList = "GetTaskList";
        public const string PullEvent = "PullEvent";
        public const string ConfirmEvent = "ConfirmEvent";
    }
}
