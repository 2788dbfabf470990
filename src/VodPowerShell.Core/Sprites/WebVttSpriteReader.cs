using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using VodPowerShell.Core.Downloads;
using VodPowerShell.Core.Errors;

namespace VodPowerShell.Core.Sprites
{
    /// <summary>
    /// Reads the WebVTT index of image sprites (one cue per thumbnail, its payload a sheet reference with an
    /// <c>#xywh=x,y,w,h</c> media fragment; see docs/protocol.md) into <see cref="SpriteThumbnail"/> objects.
    /// Lenient where players are: BOM, CRLF/LF/CR, cue identifiers, cue settings, NOTE/STYLE/REGION blocks,
    /// timestamps without hours, <c>?xywh=</c> as well as <c>#xywh=</c>. A cue without xywh stands for its whole
    /// sheet. A malformed cue is reported with its line number and skipped; the others are still returned.
    /// </summary>
    public static class WebVttSpriteReader
    {
        private static readonly Regex Timestamp = new Regex(@"^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$", RegexOptions.CultureInvariant);

        private static readonly Regex LineBreak = new Regex("\r\n|\r|\n", RegexOptions.CultureInvariant);

        /// <summary>
        /// Parses <paramref name="text"/>. Relative sheet references are resolved against
        /// <paramref name="baseLocation"/>: an http(s) URL gives absolute URLs, a local file path gives full
        /// local paths next to it; null leaves them as written.
        /// </summary>
        public static WebVttReadResult Parse(string text, string? baseLocation)
        {
            var cues = new List<SpriteThumbnail>();
            var problems = new List<WebVttProblem>();
            Func<string, string> resolve = SheetResolver(baseLocation);

            string[] lines = LineBreak.Split(text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text);
            int i = 0;
            if (StartsWithWord(lines[0], "WEBVTT"))
            {
                // The header block may carry metadata lines up to the first blank line.
                while (i < lines.Length && lines[i].Length > 0) i++;
            }
            else
            {
                problems.Add(new WebVttProblem(1, "The file does not start with 'WEBVTT'."));
            }

            int ordinal = 0;
            while (i < lines.Length)
            {
                if (lines[i].Trim().Length == 0) { i++; continue; }
                int blockStart = i;
                while (i < lines.Length && lines[i].Trim().Length > 0) i++;
                if (IsSkippedBlock(lines[blockStart])) continue;

                int timing = lines[blockStart].Contains("-->") ? blockStart : blockStart + 1;
                if (timing >= i || !lines[timing].Contains("-->"))
                {
                    problems.Add(new WebVttProblem(blockStart + 1, "The block has no cue timing line 'start --> end'."));
                    continue;
                }

                int index = ordinal++;
                string? problem = ReadCue(lines, timing, i, resolve, out SpriteThumbnail? cue, out int problemLine);
                if (cue != null)
                {
                    cue.Index = index;
                    cues.Add(cue);
                }
                else
                {
                    problems.Add(new WebVttProblem(problemLine + 1, problem!));
                }
            }

            return new WebVttReadResult(cues, problems);
        }

        /// <summary>
        /// Reads a saved WebVTT. When the folder's <c>manifest.json</c> (written by Save-VodImageSprite) shows where
        /// the WebVTT and its sheets came from, references are resolved against the original URL and every sheet
        /// that was saved alongside is given as its local path; otherwise relative references are resolved
        /// against the file's own folder.
        /// </summary>
        public static WebVttReadResult ReadFile(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path, Encoding.UTF8);
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                throw new VodException(new VodError("WebVttNotFound", VodErrorCategory.ObjectNotFound, $"There is no WebVTT file at '{path}'.", RetryPolicy.Never), ex);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                throw new VodException(new VodError("WebVttUnreadable", VodErrorCategory.ResourceUnavailable, $"Could not read '{path}': {ex.Message}", RetryPolicy.Never), ex);
            }

            string fullPath = Path.GetFullPath(path);
            string directory = Path.GetDirectoryName(fullPath) ?? string.Empty;
            var manifest = DownloadManifest.Load(directory);
            WebVttReadResult result = Parse(text, manifest.FindByName(Path.GetFileName(fullPath))?.Url ?? fullPath);
            foreach (SpriteThumbnail cue in result.Cues)
            {
                if (!Uri.TryCreate(cue.Sheet, UriKind.Absolute, out Uri? sheetUrl) || !IsWeb(sheetUrl)) continue;
                ManifestEntry? saved = manifest.Find(sheetUrl);
                string local = saved is null ? string.Empty : Path.Combine(directory, saved.Name);
                if (saved != null && File.Exists(local)) cue.Sheet = local;
            }

            return result;
        }

        /// <summary>NOTE, STYLE and REGION blocks say nothing about thumbnails.</summary>
        private static bool IsSkippedBlock(string firstLine) =>
            StartsWithWord(firstLine, "NOTE") || StartsWithWord(firstLine, "STYLE") || StartsWithWord(firstLine, "REGION");

        private static bool StartsWithWord(string line, string word) =>
            line.StartsWith(word, StringComparison.Ordinal) && (line.Length == word.Length || line[word.Length] == ' ' || line[word.Length] == '\t');

        /// <summary>Reads the cue whose timing line is at <paramref name="timing"/>; the payload runs to <paramref name="end"/>.</summary>
        private static string? ReadCue(string[] lines, int timing, int end, Func<string, string> resolve, out SpriteThumbnail? cue, out int problemLine)
        {
            cue = null;
            problemLine = timing;
            string line = lines[timing];
            int arrow = line.IndexOf("-->", StringComparison.Ordinal);
            string startText = line.Substring(0, arrow).Trim();
            string[] right = line.Substring(arrow + 3).Trim().Split(new[] { ' ', '\t' }, 2, StringSplitOptions.RemoveEmptyEntries);

            // Whatever follows the end time is cue settings (position, size, ...): meaningless for a thumbnail.
            if (!TryParseTimestamp(startText, out TimeSpan start)) return $"'{startText}' is not a timestamp ([hh:]mm:ss.ttt).";
            string endText = right.Length > 0 ? right[0] : string.Empty;
            if (!TryParseTimestamp(endText, out TimeSpan finish)) return $"'{endText}' is not a timestamp ([hh:]mm:ss.ttt).";
            if (finish < start) return $"The cue ends ({endText}) before it starts ({startText}).";

            if (timing + 1 >= end) return "The cue has no image reference.";
            problemLine = timing + 1;
            string reference = lines[problemLine].Trim();
            string? problem = SheetReference.TryParse(reference, out string sheet, out int[]? xywh);
            if (problem != null) return problem;

            string resolved;
            try
            {
                resolved = resolve(sheet);
            }
            catch (Exception ex) when (ex is UriFormatException || ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return $"The image reference '{sheet}' cannot be resolved: {ex.Message}";
            }

            cue = new SpriteThumbnail
            {
                Start = start,
                End = finish,
                Sheet = resolved,
                X = xywh?[0] ?? 0,
                Y = xywh?[1] ?? 0,
                Width = xywh?[2],
                Height = xywh?[3],
            };
            return null;
        }

        internal static bool TryParseTimestamp(string text, out TimeSpan value)
        {
            value = TimeSpan.Zero;
            Match match = Timestamp.Match(text);
            if (!match.Success) return false;
            long hours = match.Groups[1].Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 100_000) return false;
            value = new TimeSpan(0, 0, 0, 0, int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture))
                + TimeSpan.FromHours(hours)
                + TimeSpan.FromMinutes(int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
                + TimeSpan.FromSeconds(int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
            return true;
        }

        private static Func<string, string> SheetResolver(string? baseLocation)
        {
            if (baseLocation is null) return sheet => sheet;
            if (Uri.TryCreate(baseLocation, UriKind.Absolute, out Uri? baseUri) && IsWeb(baseUri))
            {
                return sheet => new Uri(baseUri, sheet).AbsoluteUri;
            }

            string directory = Path.GetDirectoryName(Path.GetFullPath(baseLocation)) ?? string.Empty;
            return sheet => Uri.TryCreate(sheet, UriKind.Absolute, out Uri? absolute) && IsWeb(absolute)
                ? absolute.AbsoluteUri
                : Path.GetFullPath(Path.Combine(directory, Uri.UnescapeDataString(sheet).Replace('/', Path.DirectorySeparatorChar)));
        }

        private static bool IsWeb(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;
    }
}
