using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Operations
{
    public class TemplateOperationsTests
    {
        [Fact]
        public async Task DescribeWritesItsFiltersAndReadsEveryField()
        {
            var handler = new RecordingHandler().AnswerJson("""
                {"Response":{"TotalCount":1,"ImageSpriteTemplateSet":[{"Definition":20001,"Type":"Custom","Name":"n","Comment":"c",
                  "Width":160,"Height":90,"ResolutionAdaptive":"open","SampleType":"Time","SampleInterval":5,"RowCount":10,"ColumnCount":8,
                  "CreateTime":"2026-01-02T03:04:05Z","UpdateTime":"2026-01-03T03:04:05Z","FillType":"black","Format":"webp"}],"RequestId":"r"}}
                """);
            using var client = new VodClient(TestCredentials.V3Api(handler));

            var outcome = await client.SendAsync(TemplateOperations.DescribeImageSpriteTemplates,
                new ImageSpriteTemplateQuery { Definitions = new[] { 20001, 10 }, Type = "Custom", Offset = 0, Limit = 100 }, CancellationToken.None);

            Assert.Equal("DescribeImageSpriteTemplates", handler.Raw[0].Headers["X-TC-Action"]);
            var sent = JsonDocument.Parse(handler.Raw[0].Body).RootElement;
            Assert.Equal(new[] { 20001, 10 }, sent.GetProperty("Definitions").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(("Custom", 0, 100), (sent.GetProperty("Type").GetString(), sent.GetProperty("Offset").GetInt32(), sent.GetProperty("Limit").GetInt32()));
            var template = Assert.Single(outcome.Value!.Items);
            Assert.Equal((20001, "Custom", "n", "c", 160, 90, "open"), (template.Definition, template.Type, template.Name, template.Comment, template.Width, template.Height, template.ResolutionAdaptive));
            Assert.Equal(("Time", 5, 10, 8, "black", "webp"), (template.SampleType, template.SampleInterval, template.RowCount, template.ColumnCount, template.FillType, template.Format));
            Assert.Equal(new DateTimeOffset(2026, 1, 3, 3, 4, 5, TimeSpan.Zero), template.UpdateTime);
        }

        [Fact]
        public async Task DescribePagesByOffsetUntilTheTotal()
        {
            var handler = new RecordingHandler()
                .AnswerJson("""{"Response":{"TotalCount":3,"ImageSpriteTemplateSet":[{"Definition":1},{"Definition":2}],"RequestId":"r"}}""")
                .AnswerJson("""{"Response":{"TotalCount":3,"ImageSpriteTemplateSet":[{"Definition":3}],"RequestId":"r"}}""");
            using var client = new VodClient(TestCredentials.V3Api(handler));
            var pages = client.Pages(TemplateOperations.DescribeImageSpriteTemplatePages, new ImageSpriteTemplateQuery { Limit = 2 });

            var definitions = new List<int>();
            while (await pages.NextPageAsync(CancellationToken.None) is { } page) definitions.AddRange(page.Value!.Select(t => t.Definition));

            Assert.Equal(new[] { 1, 2, 3 }, definitions);
            Assert.Equal(2, handler.Requests.Count);
            Assert.Equal(2, JsonDocument.Parse(handler.Raw[1].Body).RootElement.GetProperty("Offset").GetInt32());
        }

        [Fact]
        public async Task CreateSendsOnlyTheGivenFieldsAndReadsTheDefinition()
        {
            var handler = new RecordingHandler().AnswerJson("""{"Response":{"Definition":20003,"RequestId":"r"}}""");
            using var client = new VodClient(TestCredentials.V3Api(handler));

            var outcome = await client.SendAsync(TemplateOperations.CreateImageSpriteTemplate,
                new ImageSpriteTemplateChange { Name = "n", RowCount = 2, ColumnCount = 3, SampleType = "Percent", SampleInterval = 10 }, CancellationToken.None);

            Assert.Equal(20003, outcome.Value);
            var sent = JsonDocument.Parse(handler.Raw[0].Body).RootElement;
            Assert.Equal(new[] { "Name", "SampleType", "SampleInterval", "RowCount", "ColumnCount" }.OrderBy(n => n), sent.EnumerateObject().Select(p => p.Name).OrderBy(n => n));
        }

        [Fact]
        public async Task DeleteSendsTheDefinition()
        {
            var handler = new RecordingHandler().AnswerJson("""{"Response":{"RequestId":"r"}}""");
            using var client = new VodClient(TestCredentials.V3Api(handler));

            var outcome = await client.SendAsync(TemplateOperations.DeleteImageSpriteTemplate, 20003, CancellationToken.None);

            Assert.True(outcome.IsSuccess);
            Assert.Equal("DeleteImageSpriteTemplate", handler.Raw[0].Headers["X-TC-Action"]);
            Assert.Equal(20003, JsonDocument.Parse(handler.Raw[0].Body).RootElement.GetProperty("Definition").GetInt32());
        }

        [Fact]
        public void OnlyDescribeIsIdempotentAndAllAreV3Only()
        {
            Assert.True(TemplateOperations.DescribeImageSpriteTemplates.IsIdempotent);
            Assert.False(TemplateOperations.CreateImageSpriteTemplate.IsIdempotent);
            Assert.False(TemplateOperations.ModifyImageSpriteTemplate.IsIdempotent);
            Assert.False(TemplateOperations.DeleteImageSpriteTemplate.IsIdempotent);
            Assert.False(TemplateOperations.CreateImageSpriteTemplate.Supports(VodPowerShell.Core.Api.ApiVersion.V2));
            Assert.True(TemplateOperations.CreateImageSpriteTemplate.Supports(VodPowerShell.Core.Api.ApiVersion.V3));
        }

        [Fact]
        public async Task OnAV2ClientNothingIsSent()
        {
            var handler = new RecordingHandler();
            using var client = new VodClient(TestCredentials.Api(handler));

            var outcome = await client.SendAsync(TemplateOperations.DeleteImageSpriteTemplate, 20003, CancellationToken.None);

            Assert.Equal("RequiresApiV3", outcome.Error!.ErrorId);
            Assert.Empty(handler.Requests);
        }
    }

    public class ImageSpriteTemplateRulesTests
    {
        private static ImageSpriteTemplateChange Valid() =>
            new ImageSpriteTemplateChange { Name = "n", RowCount = 10, ColumnCount = 10, SampleType = "Time", SampleInterval = 5, Width = 160, Height = 144 };

        [Fact]
        public void AValidTemplatePassesAndEnumsTakeTheServicesSpelling()
        {
            var change = Valid();
            change.SampleType = "percent";
            change.Format = "WEBP";
            change.FillType = "Stretch";
            change.ResolutionAdaptive = "OPEN";

            Assert.Null(ImageSpriteTemplateRules.Check(change));
            Assert.Equal(("Percent", "webp", "stretch", "open"), (change.SampleType, change.Format, change.FillType, change.ResolutionAdaptive));
        }

        [Theory]
        [InlineData("Width", 127, "Width", "128 to 4096")]
        [InlineData("Width", 4097, "Width", "128 to 4096")]
        [InlineData("Height", 100, "Height", "0 (taken from the video)")]
        [InlineData("ColumnCount", 94, "ColumnCount", "15000 px")]
        [InlineData("RowCount", 167, "RowCount", "15000 px")]
        [InlineData("SampleInterval", 0, "SampleInterval", "at least 1")]
        public void NumbersOutsideTheRulesAreExplained(string field, int value, string expectedField, string expectedText)
        {
            var change = Valid();
            typeof(ImageSpriteTemplateChange).GetProperty(field)!.SetValue(change, value);

            var problem = ImageSpriteTemplateRules.Check(change);

            Assert.Equal(expectedField, problem!.Field);
            Assert.Contains(expectedText, problem.Message);
        }

        [Theory]
        [InlineData("SampleType", "Frames", "Percent")]
        [InlineData("Format", "gif", "jpg, png or webp")]
        [InlineData("FillType", "white", "stretch")]
        [InlineData("ResolutionAdaptive", "yes", "open")]
        public void WordsOutsideTheRulesAreExplained(string field, string value, string expectedText)
        {
            var change = Valid();
            typeof(ImageSpriteTemplateChange).GetProperty(field)!.SetValue(change, value);

            var problem = ImageSpriteTemplateRules.Check(change);

            Assert.Equal(field, problem!.Field);
            Assert.Contains(expectedText, problem.Message);
            Assert.Contains(value, problem.Message);
        }

        [Fact]
        public void AnEdgeSheetOfExactly15000PxPassesAndZeroSidesSkipTheSheetCheck()
        {
            var change = Valid();
            change.ColumnCount = 15;
            change.Width = 1000;
            Assert.Null(ImageSpriteTemplateRules.Check(change));
            change.ColumnCount = 1000;
            change.Width = 0;
            Assert.Null(ImageSpriteTemplateRules.Check(change));
        }

        [Fact]
        public void APartialChangeChecksOnlyWhatItGives()
        {
            Assert.Null(ImageSpriteTemplateRules.Check(new ImageSpriteTemplateChange { Definition = 20001, Name = "renamed" }));
            Assert.Equal("Format", ImageSpriteTemplateRules.Check(new ImageSpriteTemplateChange { Definition = 20001, Format = "bmp" })!.Field);
        }
    }
}
