using System.Text;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Protocol.V2;
using Xunit;

namespace VodPowerShell.Core.Tests.Protocol
{
    public class ApiResponseTests
    {
        private static ApiResponse Parse(string body, int status = 200) => ApiResponse.Parse(status, Encoding.UTF8.GetBytes(body));

        [Fact]
        public void SuccessCarriesActionFieldsBesideTheEnvelope()
        {
            var response = Parse("{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"vodTaskId\":\"CreateImageSprite-abc\"}");

            Assert.True(response.IsSuccess);
            Assert.Equal("Success", response.CodeDesc);
            Assert.Equal("CreateImageSprite-abc", response.GetString("vodTaskId"));
            Assert.Null(response.Error);
        }

        [Fact]
        public void CodeAsAStringIsAcceptedAsTheGenericDocsPrintIt()
        {
            var response = Parse("{\"code\":\"5100\",\"message\":\"(100004)projectId不正确\"}");

            Assert.Equal(5100, response.Code);
            var error = Assert.IsType<VodError>(response.Error);
            Assert.Equal("ResourceOperationFailed", error.ErrorId);
            Assert.True(error.IsRetryable);
            Assert.Contains("(100004)projectId不正确", error.Message);
        }

        [Theory]
        [InlineData("{\"code\":0,\"message\":\"", 200)]
        [InlineData("[1,2]", 200)]
        [InlineData("{\"message\":\"no code\"}", 200)]
        [InlineData("{\"code\":\"abc\"}", 200)]
        [InlineData("", 200)]
        [InlineData("{\"code\":0} {\"code\":1}", 200)]
        [InlineData("{\"code\":0,\"vodTaskId\":[1,}", 200)]
        [InlineData("\"just a string\"", 200)]
        public void AnythingButAnEnvelopeIsAMalformedResponseWithItsHttpStatus(string body, int status)
        {
            var ex = Assert.Throws<VodException>(() => Parse(body, status));

            Assert.Equal("MalformedResponse", ex.Error.ErrorId);
            Assert.Equal(VodErrorCategory.InvalidResult, ex.Error.Category);
            Assert.Equal(status, ex.Error.HttpStatus);
            Assert.True(ex.Error.IsAmbiguous, "a 200 that is not an envelope may hide a processed request");
        }

        [Fact]
        public void FieldsAreReadLikeTheJsonTreeReadsThem()
        {
            var response = Parse("{\"code\":1,\"vodTaskId\":{\"nested\":\"no\"},\"code\":0,\"message\":\"a\\u0026b\",\"data\":{\"vodTaskId\":\"inner\"}}");

            Assert.Equal(0, response.Code);
            Assert.Equal("a&b", response.Message);
            Assert.Null(response.GetString("vodTaskId"));
            Assert.Null(response.GetString("missing"));
            Assert.Equal("inner", response.Body.GetProperty("data").GetProperty("vodTaskId").GetString());
        }

        [Theory]
        [InlineData(500, "HttpServerError", true, false)]
        [InlineData(502, "HttpServerError", true, false)]
        [InlineData(504, "HttpServerError", true, true)]
        [InlineData(404, "UnexpectedHttpStatus", false, false)]
        public void NonJsonErrorPagesAreClassifiedByStatus(int status, string errorId, bool retryable, bool ambiguous)
        {
            var ex = Assert.Throws<VodException>(() => Parse("<html><body>Bad Gateway</body></html>", status));

            Assert.Equal(errorId, ex.Error.ErrorId);
            Assert.Equal(retryable, ex.Error.IsRetryable);
            Assert.Equal(ambiguous, ex.Error.IsAmbiguous);
            Assert.Equal(status, ex.Error.HttpStatus);
        }

        [Fact]
        public void AnApiErrorIsReadEvenUnderAnUnexpectedStatus()
        {
            var response = Parse("{\"code\":4400,\"message\":\"quota\"}", 429);

            Assert.Equal(4400, response.Code);
            Assert.Equal(429, response.HttpStatus);
        }
    }
}
