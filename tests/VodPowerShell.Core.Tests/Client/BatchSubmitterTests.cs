using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Journal;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Core.Tests.TestSupport;
using VodPowerShell.Core.Throttling;
using Xunit;

namespace VodPowerShell.Core.Tests.Client
{
    /// <summary>The batch submitter on its own: what a rerun with a journal sends (and does not), and the order of its results.</summary>
    public sealed class BatchSubmitterTests : IDisposable
    {
        private static readonly RetryOptions NoRetries = new() { MaximumRetryCount = 0, Delay = (_, _) => Task.CompletedTask };

        private readonly TempDirectory directory = new();

        public void Dispose() => directory.Dispose();

        private string JournalPath => directory.Combine("run.jsonl");

        private static List<ImageSpriteResult> SubmitAll(BatchSubmitter submitter, params string[] fileIds)
        {
            var results = new List<ImageSpriteResult>();
            foreach (string fileId in fileIds) results.AddRange(submitter.Submit(fileId, 10));
            results.AddRange(submitter.Drain());
            return results;
        }

        /// <summary>A run with the journal, closed afterwards as a finished run leaves it.</summary>
        private List<ImageSpriteResult> SubmitWithJournal(VodClient client, int throttleLimit, params string[] fileIds)
        {
            using var journal = SubmissionJournal.Open(JournalPath);
            return SubmitAll(new BatchSubmitter(client, throttleLimit, ordered: true, journal, CancellationToken.None), fileIds);
        }

        private static ImageSpriteResult Outcome(string fileId, SubmissionStatus status, string? taskId = null)
        {
            var result = ImageSpriteResult.Skipped(fileId, 10, "e", taskId, "");
            result.Status = status;
            return result;
        }

        private static int Sent(RecordingHandler handler, string action) =>
            handler.Requests.Count(r => TestCredentials.Sent(r)["Action"] == action);

        private static string V2TaskList(string taskId) =>
            $"{{\"code\":0,\"message\":\"\",\"data\":{{\"taskList\":[{{\"vodTaskId\":\"{taskId}\",\"type\":\"imageSprite\",\"createTime\":{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}]}}}}";

        [Fact]
        public void ARerunAdoptsTheTaskOfAJournaledIntentInsteadOfSendingAgain()
        {
            using (var earlier = SubmissionJournal.Open(JournalPath)) earlier.RecordIntent("f1", 10, DateTimeOffset.UtcNow.AddSeconds(-5));
            var handler = new RecordingHandler().AnswerJson(V2TaskList("FOUND-1"));
            using var client = new VodClient(TestCredentials.Api(handler), NoRetries);

            var results = SubmitWithJournal(client, 1, "f1");

            var adopted = Assert.Single(results);
            Assert.Equal(SubmissionStatus.Skipped, adopted.Status);
            Assert.True(adopted.Reconciled);
            Assert.Equal("FOUND-1", adopted.VodTaskId);
            Assert.Equal(0, Sent(handler, "CreateImageSprite"));
            Assert.True(Sent(handler, "GetTaskList") > 0);

            // The adoption is journaled: the next run skips the file without even a lookup.
            using var reopened = SubmissionJournal.Open(JournalPath);
            Assert.True(reopened.Lookup("f1", 10)!.HasTask);
            Assert.Equal("FOUND-1", reopened.Lookup("f1", 10)!.VodTaskId);
        }

        [Fact]
        public void AJournaledUnknownIsNotResentWhileTheLookupCannotDecide()
        {
            using (var earlier = SubmissionJournal.Open(JournalPath)) earlier.RecordOutcome(Outcome("f1", SubmissionStatus.Unknown));

            var handler = new RecordingHandler().AnswerJson("{\"code\":6200,\"message\":\"maintenance\"}");
            using var client = new VodClient(TestCredentials.Api(handler), NoRetries);

            var results = SubmitWithJournal(client, 1, "f1");

            var result = Assert.Single(results);
            Assert.Equal(SubmissionStatus.Unknown, result.Status);
            Assert.Equal("SubmissionUnknown", result.ErrorId);
            Assert.Equal("SubmissionUnknown", result.GetError()!.ErrorId);
            Assert.Equal(0, Sent(handler, "CreateImageSprite"));
            using var reopened = SubmissionJournal.Open(JournalPath);
            Assert.Equal(nameof(SubmissionStatus.Unknown), reopened.Lookup("f1", 10)!.Status);
        }

        [Fact]
        public void WithAJournalAFileWithATaskAndARepeatedInputAreSkippedUnsent()
        {
            using (var earlier = SubmissionJournal.Open(JournalPath)) earlier.RecordOutcome(Outcome("done", SubmissionStatus.Submitted, "T-done"));

            var handler = new RecordingHandler().AnswerJson("{\"code\":0,\"message\":\"\",\"vodTaskId\":\"T-new\"}");
            using var client = new VodClient(TestCredentials.Api(handler), NoRetries);

            var results = SubmitWithJournal(client, 2, "done", "new", "new");

            Assert.Equal(new[] { "done", "new", "new" }, results.Select(r => r.FileId));
            Assert.Equal(new[] { SubmissionStatus.Skipped, SubmissionStatus.Submitted, SubmissionStatus.Skipped }, results.Select(r => r.Status));
            Assert.Equal("T-done", results[0].VodTaskId);
            Assert.Equal(1, Sent(handler, "CreateImageSprite"));
        }

        [Fact]
        public void OrderedResultsFollowTheInputEvenWhenALaterFileAnswersFirst()
        {
            var handler = new GatedHandler(releaseSlowWhenFastAnswered: true);
            using var client = GatedClient(handler);
            var submitter = new BatchSubmitter(client, 2, ordered: true, null, CancellationToken.None);

            var results = SubmitAll(submitter, "slow", "fast");

            Assert.Equal(new[] { "slow", "fast" }, results.Select(r => r.FileId));
            Assert.Equal(new[] { "T-slow", "T-fast" }, results.Select(r => r.VodTaskId));
        }

        [Fact]
        public void UnorderedResultsComeAsTheyFinish()
        {
            var handler = new GatedHandler(releaseSlowWhenFastAnswered: false);
            using var client = GatedClient(handler);
            var submitter = new BatchSubmitter(client, 2, ordered: false, null, CancellationToken.None);

            var results = new List<ImageSpriteResult>(submitter.Submit("slow", 10));
            foreach (var ready in submitter.Submit("fast", 10))
            {
                results.Add(ready);
                handler.ReleaseSlow(); // only once "fast" is out, so the order cannot depend on timing
            }

            results.AddRange(submitter.Drain());

            Assert.Equal(new[] { "fast", "slow" }, results.Select(r => r.FileId));
            Assert.Equal(0, submitter.Count);
        }

        [Fact]
        public void TheDrainTellsTheQuotaGateThatTheRunIsFinishingUntilItsLastResult()
        {
            var gate = new FinishingGate();
            using var client = new VodClient(TestCredentials.Api(new RecordingHandler().AnswerJson("{\"code\":0,\"message\":\"\",\"vodTaskId\":\"T\"}")), NoRetries, gate);
            var submitter = new BatchSubmitter(client, 8, ordered: true, null, CancellationToken.None);

            Assert.Empty(submitter.Submit("a", 10).Concat(submitter.Submit("b", 10)));      // both wait at the gate
            var drained = new List<string>();
            foreach (ImageSpriteResult result in submitter.Drain())
            {
                Assert.Equal(1, gate.Open);
                drained.Add(result.FileId);
            }

            Assert.Equal(new[] { "a", "b" }, drained);
            Assert.Equal(0, gate.Open);
        }

        /// <summary>Holds every permit until a run says it is finishing (five seconds at most), and counts the runs that are.</summary>
        private sealed class FinishingGate : IQuotaGate
        {
            private readonly TaskCompletionSource<bool> finishing = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public event Action<string>? RateChanged { add { } remove { } }

            public int Open { get; private set; }

            public async ValueTask<IQuotaPermit> WaitAsync(CancellationToken cancellationToken)
            {
                await Task.WhenAny(finishing.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
                return new Permit();
            }

            public IDisposable Finishing()
            {
                Open++;
                finishing.TrySetResult(true);
                return new Run(this);
            }

            private sealed class Run(FinishingGate gate) : IDisposable
            {
                public void Dispose() => gate.Open--;
            }

            private sealed class Permit : IQuotaPermit
            {
                public void Throttled()
                {
                }

                public void Dispose()
                {
                }
            }
        }

        private static VodClient GatedClient(GatedHandler handler)
        {
            var options = new TransportOptions(VodEndpoint.Create(new Uri("http://127.0.0.1:8080"))) { Clock = () => TestCredentials.FixedNow };
            return new VodClient(new V2Api(options, TestCredentials.Credential(), new HttpClient(handler)), NoRetries);
        }

        /// <summary>Answers every create with T-&lt;fileId&gt;; the file "slow" is held until released.</summary>
        private sealed class GatedHandler : HttpMessageHandler
        {
            private readonly TaskCompletionSource<bool> slowGate = new(TaskCreationOptions.RunContinuationsAsynchronously);
            private readonly bool releaseSlowWhenFastAnswered;

            public GatedHandler(bool releaseSlowWhenFastAnswered) => this.releaseSlowWhenFastAnswered = releaseSlowWhenFastAnswered;

            public void ReleaseSlow() => slowGate.TrySetResult(true);

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                string fileId = TestCredentials.ParseForm(await request.Content!.ReadAsStringAsync(cancellationToken))["fileId"];
                // Bounded, so a submitter that waited for the wrong request fails the test instead of hanging it.
                if (fileId == "slow") await slowGate.Task.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
                var answer = RecordingHandler.Json("{\"code\":0,\"message\":\"\",\"vodTaskId\":\"T-" + fileId + "\"}");
                if (fileId == "fast" && releaseSlowWhenFastAnswered) ReleaseSlow();
                return answer;
            }
        }
    }
}
