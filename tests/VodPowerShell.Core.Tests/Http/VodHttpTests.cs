using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Http;
using Xunit;

namespace VodPowerShell.Core.Tests.Http
{
    /// <summary>How a response body is read: whole, with or without a Content-Length, and never past the cap.</summary>
    public class VodHttpTests
    {
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task ReadsTheWholeBodyWithOrWithoutAContentLength(bool declared)
        {
            byte[] body = new byte[40_000]; // longer than one read, so both paths loop
            new Random(5).NextBytes(body);

            var (status, read, _) = await Send(new StubHandler(() => Content(body, declared)));

            Assert.Equal(200, status);
            Assert.Equal(body, read);
        }

        [Fact]
        public async Task AnEmptyBodyWithAContentLengthOfZeroIsEmpty()
        {
            var (_, read, _) = await Send(new StubHandler(() => Content(Array.Empty<byte>(), declared: true)));

            Assert.Empty(read);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task ABodyOverTheCapIsRefusedAsUncertainWhenTheStatusWas200(bool declared)
        {
            byte[] body = new byte[VodHttp.MaxResponseBytes + 1];

            var ex = await Assert.ThrowsAsync<VodException>(() => Send(new StubHandler(() => Content(body, declared))));

            Assert.Equal("ResponseTooLarge", ex.Error.ErrorId);
            Assert.True(ex.Error.IsAmbiguous);
        }

        private static async Task<HttpAnswer> Send(HttpMessageHandler handler)
        {
            using var client = new HttpClient(handler);
            using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/v2/index.php");
            return await VodHttp.SendAsync(client, request, TimeSpan.FromSeconds(30), CancellationToken.None);
        }

        /// <summary>A stream that cannot tell its length gives a response without Content-Length, as a chunked answer has.</summary>
        private static HttpContent Content(byte[] body, bool declared) =>
            declared ? new ByteArrayContent(body) : new StreamContent(new UnknownLengthStream(body));

        private sealed class StubHandler : HttpMessageHandler
        {
            private readonly Func<HttpContent> content;

            public StubHandler(Func<HttpContent> content) => this.content = content;

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content(), RequestMessage = request });
        }

        private sealed class UnknownLengthStream : MemoryStream
        {
            public UnknownLengthStream(byte[] body) : base(body, writable: false)
            {
            }

            public override bool CanSeek => false;
        }
    }
}
