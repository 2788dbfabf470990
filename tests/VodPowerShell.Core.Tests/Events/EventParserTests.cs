using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Events;
using Xunit;

namespace VodPowerShell.Core.Tests.Events
{
    public class EventParserTests
    {
        // The success example of docs/protocol.md §9.2.
        private const string V2Success = """
            {"version":"4.0","eventType":"CreateImageSpriteComplete","data":{"status":0,"message":"",
             "vodTaskId":"CreateImageSprite-1edb7eb88a599d05abe451cfc541cfbd","fileId":"14508071098244929440",
             "definition":10,"totalCount":106,
             "imageSpriteUrl":["http://125676836723.vod2.myqcloud.com/xxx/xxx/1.png","http://125676836723.vod2.myqcloud.com/xxx/xxx/2.png"],
             "webVttUrl":"http://125676836723.vod2.myqcloud.com/xxx/xxx/xxx.vtt"}}
            """;

        [Fact]
        public void ReadsTheV2SuccessExample()
        {
            var parsed = EventParser.Parse(V2Success, "MsgHandle1");

            Assert.Equal("CreateImageSpriteComplete", parsed.EventType);
            Assert.Equal("4.0", parsed.FormatVersion);
            Assert.Equal("MsgHandle1", parsed.EventHandle);
            Assert.Equal("CreateImageSprite-1edb7eb88a599d05abe451cfc541cfbd", parsed.TaskId);
            Assert.Equal("14508071098244929440", parsed.FileId);
            Assert.Equal(10, parsed.Definition);
            Assert.Equal(106, parsed.TotalCount);
            Assert.Equal(2, parsed.ImageSpriteUrls.Count);
            Assert.EndsWith("xxx.vtt", parsed.WebVttUrl);
            Assert.True(parsed.Succeeded);
        }

        [Fact]
        public void ReadsTheV2FailureExampleWithItsOptionalFieldsMissing()
        {
            var parsed = EventParser.Parse("""
                {"version":"4.0","eventType":"CreateImageSpriteComplete",
                 "data":{"status":-43001,"message":"","vodTaskId":"CreateImageSprite-1","fileId":"145"}}
                """);

            Assert.Equal(-43001, parsed.ErrorCode);
            Assert.False(parsed.Succeeded);
            Assert.Null(parsed.TotalCount);
            Assert.Empty(parsed.ImageSpriteUrls);
            Assert.Null(parsed.EventHandle);
        }

        [Fact]
        public void ReadsTheApi3CallbackFormat()
        {
            var parsed = EventParser.Parse("""
                {"EventType":"CreateImageSpriteComplete","CreateImageSpriteCompleteEvent":{"ErrCode":0,"Message":"",
                 "TaskId":"CreateImageSprite-9","FileId":"52","Definition":10,"TotalCount":3,
                 "ImageSpriteUrlSet":["a/1.jpg"],"WebVttUrl":"a/x.vtt"},"FileDeleteEvent":null}
                """);

            Assert.Equal("3.0", parsed.FormatVersion);
            Assert.Equal("CreateImageSprite-9", parsed.TaskId);
            Assert.Equal(3, parsed.TotalCount);
            Assert.Equal(new[] { "a/1.jpg" }, parsed.ImageSpriteUrls);
        }

        [Fact]
        public void ReadsAnImageSpriteResultFromAnApi3ProcedureStateChangedEvent()
        {
            // Shaped like PullEvents' ProcedureStateChanged example (V3/事件通知相关接口/拉取事件通知.md), with an
            // ImageSprites item in MediaProcessResultSet.
            var parsed = EventParser.Parse("""
                {"EventHandle":"EventHandle1","EventType":"ProcedureStateChanged","FileUploadEvent":null,
                 "ProcedureStateChangeEvent":{"TaskId":"1256768367-Procedure-475b7237438a39560b9879a4556cb177t1","Status":"FINISH",
                  "FileId":"5285890784246869930","MediaProcessResultSet":[
                   {"Type":"Transcode","TranscodeTask":{"Status":"SUCCESS","ErrCode":0},"ImageSpriteTask":null},
                   {"Type":"ImageSprites","TranscodeTask":null,"ImageSpriteTask":{"Status":"FAIL","ErrCode":-44001,"Message":"snapshot failed",
                    "Input":{"Definition":10},"Output":null}}]},
                 "CreateImageSpriteCompleteEvent":null}
                """);

            Assert.Equal("3.0", parsed.FormatVersion);
            Assert.Equal("EventHandle1", parsed.EventHandle);
            Assert.Equal("1256768367-Procedure-475b7237438a39560b9879a4556cb177t1", parsed.TaskId);
            Assert.Equal("5285890784246869930", parsed.FileId);
            Assert.Equal(10, parsed.Definition);
            Assert.Equal(-44001, parsed.ErrorCode);
            Assert.Equal("snapshot failed", parsed.ErrorMessage);
            Assert.False(parsed.Succeeded);
            Assert.Empty(parsed.ImageSpriteUrls);
        }

        [Fact]
        public void KeepsOtherEventTypesWithTheirRawContent()
        {
            var parsed = EventParser.Parse("""{"version":4,"eventType":"NewFileUpload","data":{"fileId":"14508071098244959037"}}""");

            Assert.Equal("NewFileUpload", parsed.EventType);
            Assert.Contains("14508071098244959037", parsed.RawContent);
        }

        [Theory]
        [InlineData("not json")]
        [InlineData("[]")]
        [InlineData("{\"data\":{}}")]
        public void RejectsWhatIsNotAnEvent(string text) =>
            Assert.Equal("InvalidEvent", Assert.Throws<VodException>(() => EventParser.Parse(text)).Error.ErrorId);
    }
}
