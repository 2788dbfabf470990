using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using VodPowerShell.Core.Errors;
using VodPowerShell.Emulator.Domain;
using VodPowerShell.Emulator.Tests.TestSupport;

namespace VodPowerShell.Emulator.Tests
{
    public class FaultInjectionTests
    {
        private static Task<TestEmulator> StartWithAsync(params FaultKind[] kinds) => TestEmulator.StartAsync(o =>
        {
            o.FaultRate = 1;
            o.FaultKinds = kinds;
            o.SlowDelay = TimeSpan.FromMilliseconds(300);
        });

        private static Task<Core.Protocol.V2.ApiResponse> CreateSpriteAsync(TestEmulator emulator) =>
            emulator.SendAsync("CreateImageSprite", ("fileId", "faulty"), ("definition", "10"));

        [Fact]
        public async Task Http500AnswersWithAnHtmlPageAndProcessesNothing()
        {
            await using var emulator = await StartWithAsync(FaultKind.Http500);
            var parameters = emulator.SignedParameters("CreateImageSprite", Core.Http.RequestMethod.Get, ("fileId", "faulty"), ("definition", "10"));
            var (status, body) = await emulator.SendRawAsync("GET", parameters);

            Assert.Equal(HttpStatusCode.InternalServerError, status);
            Assert.StartsWith("<html>", body, StringComparison.Ordinal);
            var entry = Assert.Single(emulator.Ledger);
            Assert.Equal(("http500", (int?)null, "faulty"), (entry.Fault, entry.Code, entry.FileId));
            Assert.Equal(0, emulator.Host.Service.Tasks.Count);
        }

        [Fact]
        public async Task LostClosesGracefullySoTheHttpStackResendsAndTheResendIsAReplay()
        {
            // The service acts, then the connection ends with no answer byte (FIN, not RST). .NET's HTTP stack
            // resends the same bytes on its own; the spent Nonce makes the service answer that copy 4500.
            await using var emulator = await StartWithAsync(FaultKind.Lost);
            await Assert.ThrowsAsync<VodException>(() => CreateSpriteAsync(emulator));

            var entries = emulator.Ledger.Where(entry => entry.FileId == "faulty").ToList();
            Assert.True(entries.Count >= 2, "the HTTP stack should have resent the request");
            Assert.Equal((0, "lost"), (entries[0].Code, entries[0].Fault));
            Assert.All(entries.Skip(1), entry => Assert.Equal(4500, entry.Code));
            Assert.Equal(1, emulator.Host.Service.Tasks.Count);
        }

        [Fact]
        public async Task ResetDropsTheConnectionWithoutAnAnswer()
        {
            await using var emulator = await StartWithAsync(FaultKind.Reset);
            var error = await Assert.ThrowsAsync<VodException>(() => CreateSpriteAsync(emulator));

            Assert.Equal(VodErrorCategory.ConnectionError, error.Error.Category);
            Assert.Equal("reset", Assert.Single(emulator.Ledger).Fault);
            Assert.Equal(0, emulator.Host.Service.Tasks.Count);
        }

        [Theory]
        [InlineData(FaultKind.Code5100, 5100)]
        [InlineData(FaultKind.Code6000, 6000)]
        [InlineData(FaultKind.Code6200, 6200)]
        public async Task ServiceCodesAnswerInTheNormalEnvelope(FaultKind kind, int code)
        {
            await using var emulator = await StartWithAsync(kind);
            var response = await CreateSpriteAsync(emulator);

            Assert.Equal(code, response.Code);
            Assert.Equal(200, response.HttpStatus);
            Assert.Equal(code, Assert.Single(emulator.Ledger).Code);
            Assert.Equal(0, emulator.Host.Service.Tasks.Count);
        }

        [Fact]
        public async Task TruncatedSendsHalfAValidAnswer()
        {
            await using var emulator = await StartWithAsync(FaultKind.Truncated);
            await Assert.ThrowsAsync<VodException>(() => CreateSpriteAsync(emulator));

            var entry = Assert.Single(emulator.Ledger);
            Assert.Equal(("truncated", (int?)0), (entry.Fault, entry.Code));
            Assert.NotNull(entry.VodTaskId);
        }

        [Fact]
        public async Task SlowDelaysTheAnswer()
        {
            await using var emulator = await StartWithAsync(FaultKind.Slow);
            var watch = Stopwatch.StartNew();
            var response = await CreateSpriteAsync(emulator);

            Assert.Equal(0, response.Code);
            Assert.InRange(watch.ElapsedMilliseconds, 280, 3000);
            Assert.Equal("slow", Assert.Single(emulator.Ledger).Fault);
        }

        [Fact]
        public async Task LostProcessesTheRequestButNeverAnswers()
        {
            await using var emulator = await StartWithAsync(FaultKind.Lost);
            await Assert.ThrowsAsync<VodException>(() => CreateSpriteAsync(emulator));

            // The first copy was processed; the copies the HTTP stack resent are the next test's subject.
            var entry = emulator.Ledger[0];
            Assert.Equal(("lost", (int?)0), (entry.Fault, entry.Code));
            Assert.True(emulator.Host.Service.Tasks.Find(entry.VodTaskId!).Value is not null);
        }

        [Fact]
        public async Task TheSameSeedGivesTheSameFaults()
        {
            async Task<string> SequenceAsync(int seed)
            {
                await using var emulator = await TestEmulator.StartAsync(o =>
                {
                    o.FaultRate = 0.5;
                    o.FaultSeed = seed;
                    o.FaultKinds = [FaultKind.Http500, FaultKind.Reset, FaultKind.Code5100, FaultKind.Code6000, FaultKind.Code6200, FaultKind.Truncated, FaultKind.Lost];
                });
                for (int i = 0; i < 30; i++)
                {
                    try
                    {
                        await emulator.SendAsync("GetTaskList", ("status", "WAITING"));
                    }
                    catch (VodException)
                    {
                        // Connection-level faults surface as exceptions; the ledger has them.
                    }
                }

                return string.Join(",", emulator.Ledger.Select(e => e.Fault ?? "-"));
            }

            string first = await SequenceAsync(seed: 7);
            Assert.Equal(first, await SequenceAsync(seed: 7));
            Assert.NotEqual(first, await SequenceAsync(seed: 8));
            Assert.Contains("-", first, StringComparison.Ordinal);
        }

        [Fact]
        public async Task AdminEndpointsAreNeverFaulted()
        {
            await using var emulator = await StartWithAsync(FaultKind.Http500);
            using var response = await TestEmulator.AdminClient.GetAsync(new Uri(emulator.Host.BaseAddress, "/_emulator/health"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(emulator.Ledger);
        }
    }
}
