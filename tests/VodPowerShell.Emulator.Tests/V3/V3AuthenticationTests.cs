using System;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
using VodPowerShell.Emulator.Tests.TestSupport;
using static VodPowerShell.Emulator.Tests.TestSupport.V3Wire;

namespace VodPowerShell.Emulator.Tests.V3
{
    public class V3AuthenticationTests
    {
        private const string ListBody = """{"Status":"WAITING","Limit":10}""";

        [Fact]
        public async Task TheClientAndAHandSignedRequestAreBothAccepted()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);

            Assert.True((await api.SendOperationAsync(TaskOperations.ListTasks, new TaskListRequest(Core.Models.VodTaskStatus.Waiting, null, 10, null), CancellationToken.None)).IsSuccess);
            Assert.Null(await ErrorCodeAsync(emulator, new Request("DescribeTasks", ListBody)));
        }

        [Fact]
        public async Task AWrongSecretKeyIsASignatureFailure()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator, secretKey: "not-the-key");

            var outcome = await api.SendOperationAsync(TaskOperations.ListTasks, new TaskListRequest(Core.Models.VodTaskStatus.Waiting, null, 10, null), CancellationToken.None);

            Assert.Equal("AuthFailure.SignatureFailure", outcome.CodeDesc);
            Assert.Equal("AuthFailure.SignatureFailure", emulator.Ledger[^1].ErrorCode);
        }

        [Fact]
        public async Task ABodyChangedAfterSigningIsASignatureFailure()
        {
            await using var emulator = await TestEmulator.StartAsync();
            var request = new Request("DescribeTasks", ListBody) { SentBody = """{"Status":"FINISH","Limit":10}""" };

            Assert.Equal("AuthFailure.SignatureFailure", await ErrorCodeAsync(emulator, request));
        }

        [Fact]
        public async Task AScopeDateThatIsNotTheTimestampsUtcDateIsASignatureFailure()
        {
            await using var emulator = await TestEmulator.StartAsync();
            string yesterday = emulator.Clock.GetUtcNow().AddDays(-1).ToString("yyyy-MM-dd");

            // Signed consistently with the wrong date: only the date check can reject it.
            Assert.Equal("AuthFailure.SignatureFailure", await ErrorCodeAsync(emulator, new Request("DescribeTasks", ListBody) { ScopeDate = yesterday }));
        }

        [Theory]
        [InlineData("content-type;host;x-tc-action", null)]
        [InlineData("content-type", "AuthFailure.SignatureFailure")]
        [InlineData("host", "AuthFailure.SignatureFailure")]
        public async Task ExtraSignedHeadersAreVerifiedButContentTypeAndHostMustBeSigned(string signedHeaders, string? expected)
        {
            await using var emulator = await TestEmulator.StartAsync();

            Assert.Equal(expected, await ErrorCodeAsync(emulator, new Request("DescribeTasks", ListBody) { SignedHeaders = signedHeaders }));
        }

        [Theory]
        [InlineData(-301, "AuthFailure.SignatureExpire")]
        [InlineData(301, "AuthFailure.SignatureExpire")]
        [InlineData(-299, null)]
        public async Task TheTimestampMustBeWithinTheWindow(int skewSeconds, string? expected)
        {
            await using var emulator = await TestEmulator.StartAsync();
            long timestamp = emulator.Clock.GetUtcNow().ToUnixTimeSeconds() + skewSeconds;

            Assert.Equal(expected, await ErrorCodeAsync(emulator, new Request("DescribeTasks", ListBody) { Timestamp = timestamp }));
        }

        [Fact]
        public async Task AnUnknownSecretIdIsReportedBeforeTheSignature()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator, secretId: "AKIDunknown", secretKey: "whatever");

            var outcome = await api.SendOperationAsync(TaskOperations.GetTask, "Procedure-x", CancellationToken.None);

            Assert.Equal("AuthFailure.SecretIdNotFound", outcome.CodeDesc);
            Assert.Equal("AKIDunknown", emulator.Ledger[^1].SecretId);
        }

        [Fact]
        public async Task AConfiguredTokenIsRequired()
        {
            await using var emulator = await TestEmulator.StartAsync(o => o.Token = "session-token");
            using var withToken = Api(emulator, token: "session-token");

            Assert.Equal("AuthFailure.TokenFailure", await ErrorCodeAsync(emulator, new Request("DescribeTasks", ListBody)));
            Assert.Equal("AuthFailure.TokenFailure", await ErrorCodeAsync(emulator, new Request("DescribeTasks", ListBody) { Token = "wrong" }));
            Assert.True((await withToken.SendOperationAsync(TaskOperations.ListTasks, new TaskListRequest(Core.Models.VodTaskStatus.Waiting, null, 10, null), CancellationToken.None)).IsSuccess);
        }

        [Fact]
        public async Task HeadersAreCheckedBeforeTheSignatureAndTheActionAndVersionAfterIt()
        {
            await using var emulator = await TestEmulator.StartAsync();

            Assert.Equal("MissingParameter", await ErrorCodeAsync(emulator, new Request("DescribeTasks", ListBody) { OmitAction = true }));
            Assert.Equal("AuthFailure.InvalidAuthorization", await ErrorCodeAsync(emulator, new Request("DescribeTasks", ListBody) { Authorization = "Bearer abc" }));
            Assert.Equal("InvalidAction", await ErrorCodeAsync(emulator, new Request("CreateImageSprite", ListBody)));
            Assert.Equal("NoSuchVersion", await ErrorCodeAsync(emulator, new Request("DescribeTasks", ListBody) { Version = "2017-03-12" }));

            // A bad signature wins over a bad version: nothing about the request is trusted until it is authenticated.
            Assert.Equal("AuthFailure.SignatureFailure", await ErrorCodeAsync(emulator, new Request("DescribeTasks", ListBody) { Version = "2017-03-12", SecretKey = "x" }));
        }
    }
}
