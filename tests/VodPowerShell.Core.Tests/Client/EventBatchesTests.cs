using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Client
{
    public class EventBatchesTests
    {
        [Fact]
        public async Task HandlesGoInBatchesOfSixteenAndAFailedBatchFailsOnlyItsOwnHandles()
        {
            var handler = new RecordingHandler()
                .AnswerJson("""{"Response":{"RequestId":"r1"}}""")
                .AnswerJson("""{"Response":{"Error":{"Code":"InvalidParameterValue","Message":"bad handle"},"RequestId":"r2"}}""")
                .AnswerJson("""{"Response":{"RequestId":"r3"}}""");
            using var client = new VodClient(TestCredentials.V3Api(handler), new RetryOptions { MaximumRetryCount = 0 });
            var handles = Enumerable.Range(0, 40).Select(i => "h" + i).ToArray();

            var result = await EventBatches.ConfirmAsync(client, handles, CancellationToken.None);

            Assert.Equal(new[] { 16, 16, 8 }, handler.Requests.Select(r => JsonDocument.Parse(r.Body!).RootElement.GetProperty("EventHandles").GetArrayLength()));
            Assert.Equal(24, result.Confirmed);
            Assert.Equal(handles.Skip(16).Take(16), result.Failures.Select(failure => failure.Key));
            Assert.All(result.Failures, failure => Assert.Equal("InvalidParameterValue", failure.Value.CodeDesc));
        }
    }
}
