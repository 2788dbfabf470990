using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using VodPowerShell.Emulator.Tests.TestSupport;
using static VodPowerShell.Emulator.Tests.TestSupport.V3Wire;

namespace VodPowerShell.Emulator.Tests.Media
{
    public class SpriteTemplateTests
    {
        private const string Valid = """{"SampleType":"Time","SampleInterval":2,"RowCount":5,"ColumnCount":5,"Width":160,"Height":128,"Format":"png","Name":"grid5"}""";

        [Theory]
        [InlineData("""{"Width":100}""", "InvalidParameterValue.Width", "0 (from the source) or 128 to 4096")]
        [InlineData("""{"Height":5000}""", "InvalidParameterValue.Height", "0 (from the source) or 128 to 4096")]
        [InlineData("""{"ColumnCount":100,"Width":200}""", "InvalidParameterValue.ColumnCount", "20000 px wide")]
        [InlineData("""{"RowCount":120,"Height":128}""", "InvalidParameterValue.RowCount", "15360 px high")]
        [InlineData("""{"SampleType":"Frames"}""", "InvalidParameterValue.SampleType", "Percent or Time")]
        [InlineData("""{"SampleType":"Percent","SampleInterval":150}""", "InvalidParameterValue.SampleInterval", "1 to 100")]
        [InlineData("""{"SampleInterval":0}""", "InvalidParameterValue.SampleInterval", "at least 1")]
        [InlineData("""{"Format":"gif"}""", "InvalidParameterValue.Format", "jpg, png or webp")]
        [InlineData("""{"FillType":"crop"}""", "InvalidParameterValue.FillType", "stretch or black")]
        [InlineData("""{"ResolutionAdaptive":"on"}""", "InvalidParameterValue.ResolutionAdaptive", "open or close")]
        [InlineData("""{"Format":"webp","Width":0,"Height":0}""", "InvalidParameterValue.FormatWebpWidthAndHeightBothZero", "both cannot be 0")]
        [InlineData("""{"Name":"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"}""", "InvalidParameterValue.Name", "64 characters")]
        [InlineData("""{"RowCount":"5"}""", "InvalidParameter", "RowCount")]
        public async Task AnInvalidTemplateIsRefusedWithTheRuleInTheMessage(string change, string code, string message)
        {
            await using var emulator = await TestEmulator.StartAsync();
            var answer = await SendAsync(emulator, new Request("CreateImageSpriteTemplate", Merge(Valid, change)));

            Assert.Equal(code, ErrorCode(answer));
            Assert.Contains(message, answer.GetProperty("Error").GetProperty("Message").GetString());
        }

        [Fact]
        public async Task CreatedTemplatesAreListedModifiedAndDeletedAndTheSeventeenthIsRefused()
        {
            await using var emulator = await TestEmulator.StartAsync();
            int definition = (await SendAsync(emulator, new Request("CreateImageSpriteTemplate", Valid))).GetProperty("Definition").GetInt32();

            var custom = await SendAsync(emulator, new Request("DescribeImageSpriteTemplates", Json(new { Type = "Custom" })));
            var template = Assert.Single(custom.GetProperty("ImageSpriteTemplateSet").EnumerateArray());
            Assert.Equal((definition, "Custom", "grid5", "png", "black", "open", "Time", 2, 5, 5, 160, 128),
                (template.GetProperty("Definition").GetInt32(), template.GetProperty("Type").GetString(), template.GetProperty("Name").GetString(),
                 template.GetProperty("Format").GetString(), template.GetProperty("FillType").GetString(), template.GetProperty("ResolutionAdaptive").GetString(),
                 template.GetProperty("SampleType").GetString(), template.GetProperty("SampleInterval").GetInt32(), template.GetProperty("RowCount").GetInt32(),
                 template.GetProperty("ColumnCount").GetInt32(), template.GetProperty("Width").GetInt32(), template.GetProperty("Height").GetInt32()));

            Assert.Null(ErrorCode(await SendAsync(emulator, new Request("ModifyImageSpriteTemplate", Json(new { Definition = definition, Format = "webp", RowCount = 4 })))));
            var modified = (await SendAsync(emulator, new Request("DescribeImageSpriteTemplates", Json(new { Definitions = new[] { definition } })))).GetProperty("ImageSpriteTemplateSet")[0];
            Assert.Equal(("webp", 4, 5), (modified.GetProperty("Format").GetString(), modified.GetProperty("RowCount").GetInt32(), modified.GetProperty("ColumnCount").GetInt32()));
            Assert.Equal("InvalidParameterValue.Width", await ErrorCodeAsync(emulator, new Request("ModifyImageSpriteTemplate", Json(new { Definition = definition, Width = 50 }))));

            for (int i = 1; i < 16; i++) Assert.Null(ErrorCode(await SendAsync(emulator, new Request("CreateImageSpriteTemplate", Valid))));
            var seventeenth = await SendAsync(emulator, new Request("CreateImageSpriteTemplate", Valid));
            Assert.Equal("LimitExceeded.TooMuchTemplate", ErrorCode(seventeenth));
            Assert.Contains("at most 16", seventeenth.GetProperty("Error").GetProperty("Message").GetString());

            Assert.Null(ErrorCode(await SendAsync(emulator, new Request("DeleteImageSpriteTemplate", Json(new { Definition = definition })))));
            Assert.Equal("ResourceNotFound.TemplateNotExist", await ErrorCodeAsync(emulator, new Request("DeleteImageSpriteTemplate", Json(new { Definition = definition }))));
            Assert.Null(ErrorCode(await SendAsync(emulator, new Request("CreateImageSpriteTemplate", Valid))));
        }

        [Fact]
        public async Task ThePresetIsListedButCannotBeChanged()
        {
            await using var emulator = await TestEmulator.StartAsync();
            var presets = await SendAsync(emulator, new Request("DescribeImageSpriteTemplates", Json(new { Type = "Preset" })));
            var preset = Assert.Single(presets.GetProperty("ImageSpriteTemplateSet").EnumerateArray());
            Assert.Equal((10, 142, 80, "jpg"), (preset.GetProperty("Definition").GetInt32(), preset.GetProperty("Width").GetInt32(), preset.GetProperty("Height").GetInt32(), preset.GetProperty("Format").GetString()));

            Assert.Equal("InvalidParameterValue.DeleteDefaultTemplate", await ErrorCodeAsync(emulator, new Request("DeleteImageSpriteTemplate", Json(new { Definition = 10 }))));
            Assert.Equal("InvalidParameterValue.ModifyDefaultTemplate", await ErrorCodeAsync(emulator, new Request("ModifyImageSpriteTemplate", Json(new { Definition = 10, Name = "x" }))));
            Assert.Equal("InvalidParameterValue.Type", await ErrorCodeAsync(emulator, new Request("DescribeImageSpriteTemplates", Json(new { Type = "Mine" }))));
            Assert.Equal("MissingParameter", await ErrorCodeAsync(emulator, new Request("CreateImageSpriteTemplate", Json(new { SampleType = "Time" }))));
        }

        /// <summary>The valid body with <paramref name="change"/>'s fields replacing its own.</summary>
        private static string Merge(string body, string change)
        {
            var fields = JsonSerializer.Deserialize<System.Collections.Generic.Dictionary<string, JsonElement>>(body)!;
            foreach (var pair in JsonSerializer.Deserialize<System.Collections.Generic.Dictionary<string, JsonElement>>(change)!) fields[pair.Key] = pair.Value;
            return JsonSerializer.Serialize(fields);
        }
    }
}
