using System.Collections.Generic;

namespace VodPowerShell.Core.Sprites
{
    /// <summary>What a WebVTT held: every cue that could be read, and a problem for each part that could not.</summary>
    public sealed class WebVttReadResult
    {
        public WebVttReadResult(IReadOnlyList<SpriteThumbnail> cues, IReadOnlyList<WebVttProblem> problems)
        {
            Cues = cues;
            Problems = problems;
        }

        public IReadOnlyList<SpriteThumbnail> Cues { get; }

        public IReadOnlyList<WebVttProblem> Problems { get; }

        public bool IsWellFormed => Problems.Count == 0;
    }
}
