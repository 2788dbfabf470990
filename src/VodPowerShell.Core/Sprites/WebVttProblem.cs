namespace VodPowerShell.Core.Sprites
{
    /// <summary>Why one part of a WebVTT could not be read, and where.</summary>
    public sealed class WebVttProblem
    {
        public WebVttProblem(int lineNumber, string message)
        {
            LineNumber = lineNumber;
            Message = message;
        }

        /// <summary>1-based, as an editor shows it.</summary>
        public int LineNumber { get; }

        public string Message { get; }

        public override string ToString() => $"line {LineNumber}: {Message}";
    }
}
