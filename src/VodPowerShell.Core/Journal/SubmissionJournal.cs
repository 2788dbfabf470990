using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Models;

namespace VodPowerShell.Core.Journal
{
    /// <summary>
    /// An append-only JSON-lines file that makes a run restartable: an intent line is flushed to disk before
    /// each request and an outcome line after it, so a killed process (kill -9, a VM restart) loses nothing.
    /// Reopening it tells, per fileId and definition, what happened last. The file is locked while open, so
    /// two runs can never share it silently. It holds fileIds, task ids and codes only, never a credential.
    /// </summary>
    public sealed class SubmissionJournal : IDisposable
    {
        private readonly FileStream stream;
        private readonly Dictionary<string, JournalEntry> latest = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        private readonly object writeLock = new object();

        private SubmissionJournal(string path, FileStream stream, List<string> warnings)
        {
            Path = path;
            this.stream = stream;
            Warnings = warnings;
        }

        public string Path { get; }

        /// <summary>Lines that could not be read (a torn last line after a crash is repaired, others skipped).</summary>
        public IReadOnlyList<string> Warnings { get; }

        public int Count => latest.Count;

        public static SubmissionJournal Open(string path)
        {
            string fullPath = System.IO.Path.GetFullPath(path);
            FileStream stream;
            try
            {
                string? directory = System.IO.Path.GetDirectoryName(fullPath);
                if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);

                // FileShare.None is what takes an exclusive lock on Unix too (flock LOCK_EX); a shared mode would
                // let a second run append to the same journal unnoticed. Tools that do not lock (tail, cat) can still read it.
                stream = new FileStream(fullPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.None);
            }
            catch (IOException ex)
            {
                throw new VodException(new VodError("JournalLocked", VodErrorCategory.ResourceUnavailable,
                    $"The journal '{fullPath}' is in use by another run (or cannot be opened: {ex.Message}). Wait for it to finish or use another -JournalPath.", RetryPolicy.Never), ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new VodException(new VodError("JournalAccessDenied", VodErrorCategory.PermissionDenied,
                    $"The journal '{fullPath}' cannot be opened for writing: {ex.Message}", RetryPolicy.Never), ex);
            }

            var warnings = new List<string>();
            var journal = new SubmissionJournal(fullPath, stream, warnings);
            try
            {
                journal.Load(warnings);
            }
            catch
            {
                stream.Dispose();
                throw;
            }

            return journal;
        }

        /// <summary>The last entry for this file and definition, or null if the journal never saw it.</summary>
        public JournalEntry? Lookup(string fileId, int definition)
        {
            lock (writeLock) return latest.TryGetValue(Key(fileId, definition), out var entry) ? entry : null;
        }

        public void RecordIntent(string fileId, int definition, DateTimeOffset at, string? sessionId = null) =>
            Append(new JournalEntry { Kind = JournalEntry.IntentKind, FileId = fileId, Definition = definition, At = at, SessionId = sessionId });

        public void RecordOutcome(ImageSpriteResult result) => Append(new JournalEntry
        {
            Kind = JournalEntry.OutcomeKind,
            FileId = result.FileId,
            Definition = result.Definition,
            At = DateTimeOffset.UtcNow,
            Status = result.Status.ToString(),
            VodTaskId = result.VodTaskId,
            Code = result.Code,
            ErrorId = result.ErrorId,
            SessionId = result.SessionId,
        });

        public void Dispose() => stream.Dispose();

        private void Append(JournalEntry entry)
        {
            byte[] line = Serialize(entry);
            lock (writeLock)
            {
                stream.Seek(0, SeekOrigin.End);
                stream.Write(line, 0, line.Length);

                // Through the OS cache to the disk: the point of the journal is surviving a crash.
                stream.Flush(flushToDisk: true);
                Remember(entry);
            }
        }

        private void Remember(JournalEntry entry)
        {
            string key = Key(entry.FileId, entry.Definition);

            // An outcome without a task (a failure) must not hide an earlier task of the same file.
            if (latest.TryGetValue(key, out var previous) && previous.HasTask && !entry.HasTask) return;
            latest[key] = entry;
        }

        /// <summary>
        /// Reads the file line by line as bytes ('\n' never occurs inside a UTF-8 sequence), so a journal of
        /// millions of lines loads in one pass without holding its text.
        /// </summary>
        private void Load(List<string> warnings)
        {
            stream.Seek(0, SeekOrigin.Begin);
            var line = new MemoryStream(256);
            byte[] chunk = new byte[64 * 1024];
            long position = 0, lastGoodEnd = 0;
            int lineNumber = 0, read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                for (int i = 0; i < read; i++)
                {
                    position++;
                    if (chunk[i] != (byte)'\n')
                    {
                        line.WriteByte(chunk[i]);
                        continue;
                    }

                    lineNumber++;
                    if (line.Length > 0)
                    {
                        if (TryParse(line.GetBuffer(), (int)line.Length) is JournalEntry entry) Remember(entry);
                        else warnings.Add($"Line {lineNumber} is not a journal entry and was skipped.");
                    }

                    lastGoodEnd = position;
                    line.SetLength(0);
                }
            }

            if (line.Length > 0)
            {
                // Drop a torn tail so the next append starts on a fresh line.
                warnings.Add($"Line {lineNumber + 1} was cut short (the previous run was interrupted while writing it); it was removed.");
                stream.SetLength(lastGoodEnd);
            }
        }

        private static JournalEntry? TryParse(byte[] buffer, int length)
        {
            try
            {
                using var document = JsonDocument.Parse(new ReadOnlyMemory<byte>(buffer, 0, length));
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return null;
                string? kind = Read(root, "kind");
                string? fileId = Read(root, "fileId");
                if ((kind != JournalEntry.IntentKind && kind != JournalEntry.OutcomeKind) || fileId is null) return null;
                if (!root.TryGetProperty("definition", out var definition) || !definition.TryGetInt32(out int definitionValue)) return null;
                return new JournalEntry
                {
                    Kind = kind,
                    FileId = fileId,
                    Definition = definitionValue,
                    At = DateTimeOffset.TryParse(Read(root, "at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue,
                    Status = Read(root, "status"),
                    VodTaskId = Read(root, "vodTaskId"),
                    ErrorId = Read(root, "errorId"),
                    SessionId = Read(root, "sessionId"),
                    Code = root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out int codeValue) ? codeValue : (int?)null,
                };
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string? Read(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static byte[] Serialize(JournalEntry entry)
        {
            using var buffer = new MemoryStream(256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("kind", entry.Kind);
                writer.WriteString("at", entry.At.ToString("o", CultureInfo.InvariantCulture));
                writer.WriteString("fileId", entry.FileId);
                writer.WriteNumber("definition", entry.Definition);
                if (entry.Status != null) writer.WriteString("status", entry.Status);
                if (entry.VodTaskId != null) writer.WriteString("vodTaskId", entry.VodTaskId);
                if (entry.Code is int code) writer.WriteNumber("code", code);
                if (entry.ErrorId != null) writer.WriteString("errorId", entry.ErrorId);
                if (entry.SessionId != null) writer.WriteString("sessionId", entry.SessionId);
                writer.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }

        private static string Key(string fileId, int definition) => definition.ToString(CultureInfo.InvariantCulture) + "\u0000" + fileId;
    }
}
