using System;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using VodPowerShell.Emulator.Tests.TestSupport;

namespace VodPowerShell.Emulator.Tests
{
    public class AdminTests
    {
        [Fact]
        public async Task TheLedgerIsServedAsJson()
        {
            await using var emulator = await TestEmulator.StartAsync();
            await emulator.CreateSpriteAsync("ledger-file");
            await emulator.SendAsync("GetTaskList", ("status", "WAITING"));

            string json = await TestEmulator.AdminClient.GetStringAsync(new Uri(emulator.Host.BaseAddress, "/_emulator/ledger"));
            using var document = JsonDocument.Parse(json);
            var entries = document.RootElement;
            Assert.Equal(2, entries.GetArrayLength());
            Assert.Equal("CreateImageSprite", entries[0].GetProperty("action").GetString());
            Assert.Equal("ledger-file", entries[0].GetProperty("fileId").GetString());
            Assert.Equal(Hosting.DefaultCredential.SecretId, entries[0].GetProperty("secretId").GetString());
            Assert.Equal(0, entries[0].GetProperty("code").GetInt32());
            Assert.StartsWith("CreateImageSprite-", entries[0].GetProperty("vodTaskId").GetString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task ResetClearsLedgerTasksEventsAndQuota()
        {
            await using var emulator = await TestEmulator.StartAsync(o => { o.QuotaRate = 2; o.TaskWaiting = o.TaskProcessing = TimeSpan.Zero; });
            string taskId = await emulator.CreateSpriteAsync();
            Assert.Equal(0, (await emulator.SendAsync("GetTaskInfo", ("vodTaskId", taskId))).Code);
            Assert.Equal(4400, (await emulator.SendAsync("GetTaskInfo", ("vodTaskId", taskId))).Code);

            using var reset = await TestEmulator.AdminClient.PostAsync(new Uri(emulator.Host.BaseAddress, "/_emulator/reset"), null);
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

            Assert.Empty(emulator.Ledger);
            Assert.Equal(0, emulator.Host.Service.Events.PendingCount);
            Assert.Equal(70014, (await emulator.SendAsync("GetTaskInfo", ("vodTaskId", taskId))).Code);
        }

        [Fact]
        public async Task HealthReportsTheEndpoint()
        {
            await using var emulator = await TestEmulator.StartAsync();
            string json = await TestEmulator.AdminClient.GetStringAsync(new Uri(emulator.Host.BaseAddress, "/_emulator/health"));
            using var document = JsonDocument.Parse(json);

            Assert.Equal("ok", document.RootElement.GetProperty("status").GetString());
            Assert.Equal(emulator.Endpoint.ToString(), document.RootElement.GetProperty("endpoint").GetString());
            Assert.Equal(IPAddress.Loopback.ToString(), emulator.Endpoint.Host);
        }
    }
}
