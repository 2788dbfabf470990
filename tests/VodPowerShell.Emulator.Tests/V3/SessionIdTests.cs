using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
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

            var first = await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("video-1", 10, "vps-same"), CancellationToken.None);
            var second = await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("video-1", 10, "vps-same"), CancellationToken.None);
            var other = await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("video-1", 10, "vps-other"), CancellationToken.None);

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

            Assert.True((await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("video-1", 10, "vps-k"), CancellationToken.None)).IsSuccess);
            emulator.Clock.Advance(TimeSpan.FromHours(72));

            Assert.True((await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("video-1", 10, "vps-k"), CancellationToken.None)).IsSuccess);
        }

        [Fact]
        public async Task AFailedRequestDoesNotSpendItsSessionId()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);

            var missing = await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("video-1", 999, "vps-retry"), CancellationToken.None);
            var corrected = await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("video-1", 10, "vps-retry"), CancellationToken.None);

            Assert.False(missing.IsSuccess);
            Assert.True(corrected.IsSuccess);
        }

        [Fact]
        public async Task ASessionIdLongerThanFiftyCharactersIsRefused()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);

            var outcome = await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("video-1", 10, new string('s', 51)), CancellationToken.None);

            Assert.Equal("InvalidParameterValue.SessionIdTooLong", outcome.CodeDesc);
        }
    }
}
