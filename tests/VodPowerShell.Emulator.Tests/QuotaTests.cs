using System;
using System.Threading.Tasks;
using VodPowerShell.Emulator.Tests.TestSupport;

namespace VodPowerShell.Emulator.Tests
{
    public class QuotaTests
    {
        [Fact]
        public async Task RequestsOverTheQuotaGet4400UntilTheWindowEnds()
        {
            await using var emulator = await TestEmulator.StartAsync(o =>
            {
                o.QuotaRate = 3;
                o.QuotaWindow = TimeSpan.FromSeconds(1);
            });

            for (int i = 0; i < 3; i++) Assert.Equal(0, (await emulator.SendAsync("GetTaskList", ("status", "WAITING"))).Code);
            var over = await emulator.SendAsync("GetTaskList", ("status", "WAITING"));
            Assert.Equal(4400, over.Code);
            Assert.Equal(4400, emulator.Ledger[^1].Code);

            emulator.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(0, (await emulator.SendAsync("GetTaskList", ("status", "WAITING"))).Code);
        }

        [Fact]
        public async Task ASlidingQuotaCountsAnyIntervalOfTheWindowsLength()
        {
            await using var emulator = await TestEmulator.StartAsync(o =>
            {
                o.QuotaRate = 2;
                o.QuotaWindow = TimeSpan.FromSeconds(1);
                o.QuotaSliding = true;
            });

            Assert.Equal(0, (await emulator.SendAsync("GetTaskList", ("status", "WAITING"))).Code);
            emulator.Clock.Advance(TimeSpan.FromMilliseconds(600));
            Assert.Equal(0, (await emulator.SendAsync("GetTaskList", ("status", "WAITING"))).Code);
            // A fixed window would have restarted here; the sliding one still holds both requests.
            emulator.Clock.Advance(TimeSpan.FromMilliseconds(500));
            Assert.Equal(0, (await emulator.SendAsync("GetTaskList", ("status", "WAITING"))).Code);
            Assert.Equal(4400, (await emulator.SendAsync("GetTaskList", ("status", "WAITING"))).Code);
            emulator.Clock.Advance(TimeSpan.FromMilliseconds(500));
            Assert.Equal(0, (await emulator.SendAsync("GetTaskList", ("status", "WAITING"))).Code);
        }

        [Fact]
        public async Task UnauthenticatedRequestsDoNotSpendTheQuota()
        {
            await using var emulator = await TestEmulator.StartAsync(o => o.QuotaRate = 1);
            Assert.Equal(4100, (await TestEmulator.SendAsync(emulator.Client(secretKey: "wrong"), "GetTaskList", ("status", "WAITING"))).Code);
            Assert.Equal(0, (await emulator.SendAsync("GetTaskList", ("status", "WAITING"))).Code);
            Assert.Equal(4400, (await emulator.SendAsync("GetTaskList", ("status", "WAITING"))).Code);
        }

        [Fact]
        public void TheDefaultQuotaIsAHundredPerMinute()
        {
            var defaults = new Hosting.EmulatorOptions();
            Assert.Equal((100, TimeSpan.FromSeconds(60)), (defaults.QuotaRate, defaults.QuotaWindow));
        }
    }
}
