using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Errors
{
    public class V3ErrorCatalogTests
    {
        [Theory]
        [InlineData("RequestLimitExceeded", "RequestLimitExceeded", VodErrorCategory.QuotaExceeded, RetryPolicy.Backoff)]
        [InlineData("RequestLimitExceeded.UinLimitExceeded", "RequestLimitExceeded", VodErrorCategory.QuotaExceeded, RetryPolicy.Backoff)]
        [InlineData("AuthFailure.SignatureFailure", "AuthFailure", VodErrorCategory.AuthenticationError, RetryPolicy.Never)]
        [InlineData("AuthFailure.SecretIdNotFound", "AuthFailure", VodErrorCategory.AuthenticationError, RetryPolicy.Never)]
        [InlineData("AuthFailure.SignatureExpire", "AuthFailure", VodErrorCategory.AuthenticationError, RetryPolicy.ResignOnce)]
        [InlineData("AuthFailure.UnauthorizedOperation", "AuthFailure", VodErrorCategory.PermissionDenied, RetryPolicy.Never)]
        [InlineData("InternalError", "InternalError", VodErrorCategory.ResourceUnavailable, RetryPolicy.Bounded)]
        [InlineData("InternalError.DBError", "InternalError", VodErrorCategory.ResourceUnavailable, RetryPolicy.Bounded)]
        [InlineData("ResourceUnavailable", "ResourceUnavailable", VodErrorCategory.ResourceUnavailable, RetryPolicy.Bounded)]
        [InlineData("ResourceUnavailable.MasterPlaylist", "ResourceUnavailable", VodErrorCategory.InvalidArgument, RetryPolicy.Never)]
        [InlineData("ServiceUnavailable", "ServiceUnavailable", VodErrorCategory.ResourceUnavailable, RetryPolicy.Bounded)]
        [InlineData("FailedOperation", "FailedOperation", VodErrorCategory.ResourceUnavailable, RetryPolicy.Bounded)]
        [InlineData("FailedOperation.NetWorkError", "FailedOperation", VodErrorCategory.ResourceUnavailable, RetryPolicy.Bounded)]
        [InlineData("FailedOperation.TaskDuplicate", "FailedOperation", VodErrorCategory.InvalidOperation, RetryPolicy.Never)]
        [InlineData("FailedOperation.InvalidVodUser", "FailedOperation", VodErrorCategory.PermissionDenied, RetryPolicy.Never)]
        [InlineData("InvalidParameter", "InvalidParameter", VodErrorCategory.InvalidArgument, RetryPolicy.Never)]
        [InlineData("InvalidParameterValue.Definition", "InvalidParameterValue", VodErrorCategory.InvalidArgument, RetryPolicy.Never)]
        [InlineData("InvalidParameterValue.FileId", "InvalidParameterValue", VodErrorCategory.ObjectNotFound, RetryPolicy.Never)]
        [InlineData("InvalidParameterValue.TaskId", "InvalidParameterValue", VodErrorCategory.ObjectNotFound, RetryPolicy.Never)]
        [InlineData("MissingParameter", "MissingParameter", VodErrorCategory.InvalidArgument, RetryPolicy.Never)]
        [InlineData("UnknownParameter", "UnknownParameter", VodErrorCategory.InvalidArgument, RetryPolicy.Never)]
        [InlineData("InvalidAction", "InvalidAction", VodErrorCategory.InvalidOperation, RetryPolicy.Never)]
        [InlineData("UnauthorizedOperation", "UnauthorizedOperation", VodErrorCategory.PermissionDenied, RetryPolicy.Never)]
        [InlineData("ResourceNotFound", "ResourceNotFound", VodErrorCategory.ObjectNotFound, RetryPolicy.Never)]
        [InlineData("ResourceNotFound.FileNotExist", "ResourceNotFound", VodErrorCategory.ObjectNotFound, RetryPolicy.Never)]
        [InlineData("LimitExceeded.TooMuchTemplate", "LimitExceeded", VodErrorCategory.LimitsExceeded, RetryPolicy.Never)]
        [InlineData("UnsupportedOperation", "UnsupportedOperation", VodErrorCategory.InvalidOperation, RetryPolicy.Never)]
        [InlineData("SomethingNew.Entirely", "ServiceError", VodErrorCategory.NotSpecified, RetryPolicy.Never)]
        [InlineData("AuthFailureX", "ServiceError", VodErrorCategory.NotSpecified, RetryPolicy.Never)]
        public void EveryCodeClassMapsToOneIdCategoryAndRetryRule(string code, string errorId, VodErrorCategory category, RetryPolicy retry)
        {
            var error = V3ErrorCatalog.ToError(code, "detail", 200);

            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(category, error.Category);
            Assert.Equal(retry, error.Retry);
            Assert.Equal(code, error.CodeDesc);
            Assert.Null(error.Code);
            Assert.Contains(code, error.Message);
            Assert.Contains("detail", error.Message);
        }

        [Fact]
        public async Task AnExpiredSignatureIsSentOnceMoreWithoutWaiting()
        {
            var handler = new RecordingHandler()
                .AnswerJson("""{"Response":{"Error":{"Code":"AuthFailure.SignatureExpire","Message":"expired"},"RequestId":"a"}}""")
                .AnswerJson("""{"Response":{"TaskId":"T","RequestId":"b"}}""");
            var waits = new List<System.TimeSpan>();
            using var client = new VodClient(TestCredentials.V3Api(handler), new RetryOptions { Delay = (w, _) => { waits.Add(w); return Task.CompletedTask; } });

            var result = await client.CreateImageSpriteAsync("f", 10, CancellationToken.None);

            Assert.Equal("T", result.VodTaskId);
            Assert.Equal(2, result.Attempts);
            Assert.Empty(waits);
        }

        [Fact]
        public async Task ThrottlingIsRetriedAfterABackoff()
        {
            var handler = new RecordingHandler()
                .AnswerJson("""{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"slow down"},"RequestId":"a"}}""")
                .AnswerJson("""{"Response":{"TaskId":"T","RequestId":"b"}}""");
            var waits = new List<System.TimeSpan>();
            using var client = new VodClient(TestCredentials.V3Api(handler), new RetryOptions { Delay = (w, _) => { waits.Add(w); return Task.CompletedTask; } });

            var result = await client.CreateImageSpriteAsync("f", 10, CancellationToken.None);

            Assert.Equal("T", result.VodTaskId);
            Assert.Single(waits);
        }
    }
}
