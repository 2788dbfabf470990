using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VodPowerShell.Emulator.Hosting;
using VodPowerShell.Emulator.Tests.TestSupport;

namespace VodPowerShell.Emulator.Tests
{
    public class PushCallbackTests
    {
        /// <summary>A loopback receiver that fails its first <paramref name="failures"/> calls, then answers 200.</summary>
        private sealed class Receiver : IAsyncDisposable
        {
            private readonly WebApplication app;
            private int calls;

            private Receiver(WebApplication app) => this.app = app;

            public ConcurrentQueue<string> Bodies { get; } = new();

            public int Calls => Volatile.Read(ref calls);

            public Uri Url { get; private set; } = null!;

            public static async Task<Receiver> StartAsync(int failures)
            {
                var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
                builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
                builder.Services.AddRoutingCore();
                var app = builder.Build();
                var receiver = new Receiver(app);
                app.MapPost("/callback", async context =>
                {
                    using var reader = new StreamReader(context.Request.Body);
                    receiver.Bodies.Enqueue(await reader.ReadToEndAsync());
                    context.Response.StatusCode = Interlocked.Increment(ref receiver.calls) <= failures ? 500 : 200;
                });
                await app.StartAsync();
                string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                receiver.Url = new Uri(new Uri(address), "/callback");
                return receiver;
            }

            public async Task WaitForCallsAsync(int count)
            {
                for (int i = 0; i < 100 && Calls < count; i++) await Task.Delay(50);
            }

            public async ValueTask DisposeAsync() => await app.DisposeAsync();
        }

        private static Task<TestEmulator> StartAsync(Uri callback, int attempts = 5) => TestEmulator.StartAsync(o =>
        {
            o.CallbackUrl = callback;
            o.CallbackAttempts = attempts;
            o.CallbackBackoff = TimeSpan.FromMilliseconds(20);
            o.TaskWaiting = o.TaskProcessing = TimeSpan.Zero;
        });

        [Fact]
        public async Task EachEventIsPostedAndRetriedUntilTheReceiverAnswers2xx()
        {
            await using var receiver = await Receiver.StartAsync(failures: 2);
            await using var emulator = await StartAsync(receiver.Url);
            string taskId = await emulator.CreateSpriteAsync("pushed");

            await receiver.WaitForCallsAsync(3);
            await Task.Delay(200);

            Assert.Equal(3, receiver.Calls);
            Assert.All(receiver.Bodies, body =>
            {
                using var json = JsonDocument.Parse(body);
                Assert.Equal("CreateImageSpriteComplete", json.RootElement.GetProperty("eventType").GetString());
                Assert.Equal(taskId, json.RootElement.GetProperty("data").GetProperty("vodTaskId").GetString());
            });
            Assert.Equal(1, emulator.Host.CallbacksDelivered);
        }

        [Fact]
        public async Task RetriesAreBounded()
        {
            await using var receiver = await Receiver.StartAsync(failures: int.MaxValue);
            await using var emulator = await StartAsync(receiver.Url, attempts: 3);
            await emulator.CreateSpriteAsync();

            await receiver.WaitForCallsAsync(3);
            await Task.Delay(300);
            Assert.Equal(3, receiver.Calls);
        }

        [Fact]
        public async Task PushModeLeavesNothingToPull()
        {
            await using var receiver = await Receiver.StartAsync(failures: 0);
            await using var emulator = await StartAsync(receiver.Url);
            await emulator.CreateSpriteAsync();
            await receiver.WaitForCallsAsync(1);

            var pull = await emulator.SendAsync("PullEvent");
            Assert.Equal(0, pull.Body.GetProperty("eventList").GetArrayLength());
        }

        [Theory]
        [InlineData("http://example.com/callback")]
        [InlineData("http://10.0.0.1/callback")]
        [InlineData("ftp://127.0.0.1/callback")]
        public async Task OnlyLoopbackCallbackUrlsAreAccepted(string url)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => EmulatorHost.StartAsync(new EmulatorOptions { CallbackUrl = new Uri(url) }));
        }
    }
}
