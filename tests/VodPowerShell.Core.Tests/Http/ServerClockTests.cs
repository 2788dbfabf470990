using System;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Http
{
    public class ServerClockTests
    {
        [Fact]
        public void SmallDifferencesAreNoise()
        {
            var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
            var clock = new ServerClock(() => now);

            Assert.False(clock.Learn(now.AddSeconds(10)));
            Assert.False(clock.Learn(null));
            Assert.Equal(now, clock.Now);
        }

        [Fact]
        public async Task ARejectedTimestampIsResentWithTheServicesTime()
        {
            // The local clock (TestCredentials.FixedNow) is two hours behind the service.
            DateTimeOffset serviceNow = TestCredentials.FixedNow.AddHours(2);
            var handler = new RecordingHandler()
                .Answer(() =>
                {
                    var response = RecordingHandler.Json("{\"code\":4500,\"message\":\"timestamp expired\"}");
                    response.Headers.Date = serviceNow;
                    return response;
                })
                .AnswerJson("{\"code\":0,\"message\":\"\",\"vodTaskId\":\"T\"}");
            var client = new VodClient(TestCredentials.Api(handler), new RetryOptions { Delay = (_, _) => Task.CompletedTask });

            var result = await client.CreateImageSpriteAsync("f", 10, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Submitted, result.Status);
            Assert.Equal(TestCredentials.FixedNow.ToUnixTimeSeconds().ToString(), TestCredentials.Sent(handler.Requests[0])["Timestamp"]);
            Assert.Equal(serviceNow.ToUnixTimeSeconds().ToString(), TestCredentials.Sent(handler.Requests[1])["Timestamp"]);
        }
    }
}
