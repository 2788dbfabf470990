namespace VodPowerShell.Core.Protocol.V2
{
    /// <summary>Names of the v2 common parameters (docs/protocol.md §1.2) and the action parameters we send.</summary>
    public static class WireNames
    {
        public const string Action = "Action";
        public const string Region = "Region";
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
        public const string MsgHandle = "msgHandle";

        public const string CreateImageSprite = "CreateImageSprite";
        public const string GetTaskInfo = "GetTaskInfo";
        public const string GetTaskList = "GetTaskList";
        public const string PullEvent = "PullEvent";
        public const string ConfirmEvent = "ConfirmEvent";

        public const string IndexPath = "/v2/index.php";
    }
}
