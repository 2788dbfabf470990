using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Operations
{
    public class MediaOperationsTests
    {
        // DescribeMediaInfos' answer shape (docs/protocol.md §6.2), one file with one sprite and one unknown id.
        private const string DescribeAnswer = """
            {"Response":{"MediaInfoSet":[{"FileId":"5285890781763144364",
              "BasicInfo":{"Name":"trailer","Description":"d","CreateTime":"2026-01-02T03:04:05Z","ExpireTime":"9999-12-31T23:59:59Z",
               "ClassId":12,"ClassName":"Films","ClassPath":"Films","CoverUrl":"","Type":"mp4","MediaUrl":"http://x/v.mp4",
               "TagSet":["promo","hd"],"StorageRegion":"ap-guangzhou","SourceInfo":{"SourceType":"Upload"},"Vid":"","Category":"Video","Status":"Normal"},
              "MetaData":{"Size":1048576,"Container":"mp4","Height":720,"Width":1280,"Duration":61.5},
              "ImageSpriteInfo":{"ImageSpriteSet":[{"Definition":10,"Height":80,"Width":142,"TotalCount":7,"ImageUrlSet":["http://x/1.jpg"],"WebVttUrl":"http://x/s.vtt"}]}}],
             "NotExistFileIdSet":["404"],"RequestId":"r-1"}}
            """;

        [Fact]
        public async Task DescribeMediaInfosSendsTheIdsAndReadsEveryPartOfMediaInfo()
        {
            var handler = new RecordingHandler().AnswerJson(DescribeAnswer);
            using var client = new VodClient(TestCredentials.V3Api(handler));

            var outcome = await client.SendAsync(MediaOperations.DescribeMediaInfos, new[] { "5285890781763144364", "404" }, CancellationToken.None);

            Assert.True(outcome.IsSuccess);
            Assert.Equal("DescribeMediaInfos", handler.Raw[0].Headers["X-TC-Action"]);
            var sent = JsonDocument.Parse(handler.Raw[0].Body).RootElement;
            Assert.Equal(new[] { "5285890781763144364", "404" }, sent.GetProperty("FileIds").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(new[] { "404" }, outcome.Value!.NotFound);
            var info = Assert.Single(outcome.Value.Found);
            Assert.Equal(("trailer", "Video", "mp4", "Upload", 12L, "Films"), (info.Name, info.Category, info.Type, info.SourceType, info.ClassId!.Value, info.ClassName));
            Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), info.CreateTime);
            Assert.Equal((1048576L, 1280, 720, 61.5), (info.Size!.Value, info.Width!.Value, info.Height!.Value, info.Duration!.Value));
            Assert.Equal(new[] { "promo", "hd" }, info.Tags);
            Assert.Null(info.StreamId);
            var sprite = Assert.Single(info.ImageSprites);
            Assert.Equal((10, 142, 80, 7, "http://x/s.vtt"), (sprite.Definition, sprite.Width!.Value, sprite.Height!.Value, sprite.TotalCount!.Value, sprite.WebVttUrl));
            Assert.Equal(new[] { "http://x/1.jpg" }, sprite.ImageUrls);
            Assert.Equal(client.Api.Endpoint.ToString(), info.Endpoint);
        }

        [Fact]
        public async Task SearchMediaWritesItsFiltersSortedOldestFirstAndReadsTheTotal()
        {
            var handler = new RecordingHandler().AnswerJson("""{"Response":{"TotalCount":42,"MediaInfoSet":[{"FileId":"a"}],"RequestId":"r"}}""");
            using var client = new VodClient(TestCredentials.V3Api(handler));
            var request = new MediaSearchRequest
            {
                Text = "trailer",
                ClassIds = new long[] { 12 },
                Categories = new[] { "Video" },
                CreatedAfter = new DateTimeOffset(2026, 1, 2, 11, 4, 5, TimeSpan.FromHours(8)),
                Offset = 200,
                Limit = 100,
            };

            var outcome = await client.SendAsync(MediaOperations.SearchMedia, request, CancellationToken.None);

            Assert.Equal((42L, "a"), (outcome.Value!.TotalCount, outcome.Value.Items.Single().FileId));
            var sent = JsonDocument.Parse(handler.Raw[0].Body).RootElement;
            Assert.Equal("trailer", sent.GetProperty("Text").GetString());
            Assert.Equal(12, sent.GetProperty("ClassIds")[0].GetInt64());
            Assert.Equal("Video", sent.GetProperty("Categories")[0].GetString());
            Assert.Equal("2026-01-02T03:04:05Z", sent.GetProperty("CreateTime").GetProperty("After").GetString());
            Assert.False(sent.GetProperty("CreateTime").TryGetProperty("Before", out _));
            Assert.Equal("Asc", sent.GetProperty("Sort").GetProperty("Order").GetString());
            Assert.Equal((200, 100), (sent.GetProperty("Offset").GetInt32(), sent.GetProperty("Limit").GetInt32()));
            Assert.False(sent.TryGetProperty("Tags", out _));
        }

        [Fact]
        public async Task AV3OnlyOperationOnAV2ClientFailsClearlyAndSendsNothing()
        {
            var handler = new RecordingHandler();
            using var client = new VodClient(TestCredentials.Api(handler));

            var outcome = await client.SendAsync(MediaOperations.SearchMedia, new MediaSearchRequest(), CancellationToken.None);

            Assert.Equal("RequiresApiV3", outcome.Error!.ErrorId);
            Assert.Equal(VodErrorCategory.InvalidOperation, outcome.Error.Category);
            Assert.Contains("-ApiVersion V3", outcome.Error.Message);
            Assert.Empty(handler.Requests);
        }
    }
}
