using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Emulator.Tests.TestSupport;
using static VodPowerShell.Emulator.Tests.TestSupport.V3Wire;

namespace VodPowerShell.Emulator.Tests.V3
{
    /// <summary>ProcessMedia's SessionId deduplicates as the service documents it (docs/protocol.md).</summary>
    public class SessionIdTests
    {
        [Fact]
        public async Task ASecondRequestWithTheSameSessionIdIsRefusedAndMakesNoTask()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);

            var first = await api.CreateImageSpriteAsync("video-1", 10, CancellationToken.None, "vps-same");
            var second = await api.CreateImageSpriteAsync("video-1", 10, CancellationToken.None, "vps-same");
            var other = await api.CreateImageSpriteAsync("video-1", 10, CancellationToken.None, "vps-other");

            Assert.True(first.IsSuccess);
            Assert.Equal("InvalidParameterValue.SessionId", second.CodeDesc);
            Assert.True(second.Error!.WasAccepted);
            Assert.True(other.IsSuccess);
            Assert.Equal(2, emulator.Ledger.Count(entry => entry.VodTaskId != null));
        }

        [Fact]
        public async Task ASessionIdIsFreeAgainAfterItsWindow()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);

            Assert.True((await api.CreateImageSpriteAsync("video-1", 10, CancellationToken.None, "vps-k")).IsSuccess);
            emulator.Clock.Advance(TimeSpan.FromHours(72));

            Assert.True((await api.CreateImageSpriteAsync("video-1", 10, CancellationToken.None, "vps-k")).IsSuccess);
        }

        [Fact]
        public async Task AFailedRequestDoesNotSpendItsSessionId()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);

            var missing = await api.CreateImageSpriteAsync("video-1", 999, CancellationToken.None, "vps-retry");
            var corrected = await api.CreateImageSpriteAsync("video-1", 10, CancellationToken.None, "vps-retry");

            Assert.False(missing.IsSuccess);
            Assert.True(corrected.IsSuccess);
        }

        [Fact]
        public async Task ASessionIdLongerThanFiftyCharactersIsRefused()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);

            var outcome = await api.CreateImageSpriteAsync("video-1", 10, CancellationToken.None, new string('s', 51));

            Assert.Equal("InvalidParameterValue.SessionIdTooLong", outcome.CodeDesc);
        }
    }
}
