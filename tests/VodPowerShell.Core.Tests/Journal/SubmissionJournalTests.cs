using System;
using System.IO;
using System.Linq;
using System.Text;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Journal;
using VodPowerShell.Core.Models;
using Xunit;

namespace VodPowerShell.Core.Tests.Journal
{
    public sealed class SubmissionJournalTests : IDisposable
    {
        private readonly string directory = Path.Combine(Path.GetTempPath(), "vodps-journal-" + Guid.NewGuid().ToString("N"));

        private string JournalPath => Path.Combine(directory, "run.jsonl");

        public void Dispose()
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }

        private static ImageSpriteResult Submitted(string fileId, string taskId)
        {
            var result = ImageSpriteResult.Skipped(fileId, 10, "e", taskId, "");
            result.Status = SubmissionStatus.Submitted;
            return result;
        }

        [Fact]
        public void AnIntentKeepsItsIdempotencyKeyForTheRunThatResumesIt()
        {
            using (var journal = SubmissionJournal.Open(JournalPath))
            {
                journal.RecordIntent("a", 10, DateTimeOffset.UtcNow, "vps-key-a");
                journal.RecordIntent("b", 10, DateTimeOffset.UtcNow);
            }

            using var reopened = SubmissionJournal.Open(JournalPath);
            Assert.Equal("vps-key-a", reopened.Lookup("a", 10)!.SessionId);
            Assert.Null(reopened.Lookup("b", 10)!.SessionId);
        }

        [Fact]
        public void ReopeningTellsWhatHappenedLastPerFileAndDefinition()
        {
            using (var journal = SubmissionJournal.Open(JournalPath))
            {
                journal.RecordIntent("a", 10, DateTimeOffset.UtcNow);
                journal.RecordOutcome(Submitted("a", "T-a"));
                journal.RecordIntent("b", 10, DateTimeOffset.UtcNow);
            }

            using var reopened = SubmissionJournal.Open(JournalPath);
            Assert.Equal("T-a", reopened.Lookup("a", 10)!.VodTaskId);
            Assert.True(reopened.Lookup("a", 10)!.HasTask);
            Assert.True(reopened.Lookup("b", 10)!.IsIntent);
            Assert.Null(reopened.Lookup("a", 20));
            Assert.Null(reopened.Lookup("c", 10));
            Assert.Empty(reopened.Warnings);
        }

        [Fact]
        public void ALaterFailureDoesNotHideAnEarlierTask()
        {
            using var journal = SubmissionJournal.Open(JournalPath);
            journal.RecordOutcome(Submitted("a", "T-a"));
            var failedAgain = new ImageSpriteResult("a", 10, "e");
            failedAgain.SetFailed(new VodError("X", VodErrorCategory.NotSpecified, "m", RetryPolicy.Never), null);
            journal.RecordOutcome(failedAgain);

            Assert.Equal("T-a", journal.Lookup("a", 10)!.VodTaskId);
        }

        [Fact]
        public void ATornLastLineIsRemovedAndTheRestIsKept()
        {
            using (var journal = SubmissionJournal.Open(JournalPath))
            {
                journal.RecordOutcome(Submitted("a", "T-a"));
            }

            File.AppendAllText(JournalPath, "{\"kind\":\"outcome\",\"fileId\":\"b\",\"defin");

            using (var reopened = SubmissionJournal.Open(JournalPath))
            {
                Assert.Single(reopened.Warnings);
                Assert.NotNull(reopened.Lookup("a", 10));
                Assert.Null(reopened.Lookup("b", 10));
                reopened.RecordIntent("c", 10, DateTimeOffset.UtcNow);
            }

            var lines = File.ReadAllLines(JournalPath);
            Assert.Equal(2, lines.Length);
            Assert.All(lines, line => Assert.StartsWith("{", line));
        }

        [Fact]
        public void FileIdsWithAnyCharacterRoundTrip()
        {
            string odd = "a\nb\"c\\d&=#视频\u0001";
            using (var journal = SubmissionJournal.Open(JournalPath))
            {
                journal.RecordOutcome(Submitted(odd, "T"));
            }

            Assert.Single(File.ReadAllLines(JournalPath));
            using var reopened = SubmissionJournal.Open(JournalPath);
            Assert.Equal("T", reopened.Lookup(odd, 10)!.VodTaskId);
        }

        [Fact]
        public void ASecondWriterIsRefusedWithAClearError()
        {
            using var first = SubmissionJournal.Open(JournalPath);

            var ex = Assert.Throws<VodException>(() => SubmissionJournal.Open(JournalPath));

            Assert.Equal("JournalLocked", ex.Error.ErrorId);
            Assert.Contains(JournalPath, ex.Message);
        }

        [Fact]
        public void GarbageLinesInTheMiddleAreSkippedWithAWarning()
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(JournalPath, "not json\n{\"kind\":\"outcome\",\"fileId\":\"a\",\"definition\":10,\"status\":\"Submitted\",\"vodTaskId\":\"T\"}\n", new UTF8Encoding(false));

            using var journal = SubmissionJournal.Open(JournalPath);

            Assert.Equal("T", journal.Lookup("a", 10)!.VodTaskId);
            Assert.Contains(journal.Warnings, w => w.Contains("Line 1"));
        }

        [Fact]
        public void ItHoldsNoCredentialFields()
        {
            using (var journal = SubmissionJournal.Open(JournalPath))
            {
                journal.RecordIntent("a", 10, DateTimeOffset.UtcNow);
                journal.RecordOutcome(Submitted("a", "T"));
            }

            string text = File.ReadAllText(JournalPath);
            foreach (string forbidden in new[] { "Secret", "Signature", "Token", "Authorization" })
            {
                Assert.DoesNotContain(forbidden, text, StringComparison.OrdinalIgnoreCase);
            }

            Assert.Equal(new[] { "intent", "outcome" }, File.ReadAllLines(JournalPath).Select(l => l.Contains("\"intent\"") ? "intent" : "outcome"));
        }
    }
}
