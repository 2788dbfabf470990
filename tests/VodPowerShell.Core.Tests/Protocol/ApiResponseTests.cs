using System.Text;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Protocol;
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
        [InlineData("<html><body>502 Bad Gateway</body></html>", 502)]
        [InlineData("{\"code\":0,\"message\":\"", 200)]
        [InlineData("[1,2]", 200)]
        [InlineData("{\"message\":\"no code\"}", 200)]
        [InlineData("{\"code\":\"abc\"}", 200)]
        [InlineData("", 200)]
        public void AnythingButAnEnvelopeIsAMalformedResponseWithItsHttpStatus(string body, int status)
        {
            var ex = Assert.Throws<VodException>(() => Parse(body, status));

            Assert.Equal("MalformedResponse", ex.Error.ErrorId);
            Assert.Equal(VodErrorCategory.InvalidResult, ex.Error.Category);
            Assert.Equal(status, ex.Error.HttpStatus);
        }
    }
}
