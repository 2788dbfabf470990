using System;

namespace VodPowerShell.Core.Http
{
    /// <summary>What came back for one request: the HTTP status, the whole body and the server's Date header.</summary>
    public sealed class HttpAnswer
    {
        public HttpAnswer(int status, byte[] body, DateTimeOffset? date)
        {
            Status = status;
            Body = body;
            Date = date;
        }

        public int Status { get; }

        public byte[] Body { get; }

        public DateTimeOffset? Date { get; }

        public void Deconstruct(out int status, out byte[] body, out DateTimeOffset? date)
        {
            status = Status;
            body = Body;
            date = Date;
        }
    }
}
