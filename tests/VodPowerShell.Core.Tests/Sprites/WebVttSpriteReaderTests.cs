using System;
using System.IO;
using System.Linq;
using VodPowerShell.Core.Downloads;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Sprites;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Sprites
{
    public sealed class WebVttSpriteReaderTests
    {
        private const string Base = "http://127.0.0.1:5000/_media/f1/10/index.vtt";

        private const string Typical =
            "WEBVTT\n\n" +
            "00:00:00.000 --> 00:00:10.000\nsprite-0.jpg#xywh=0,0,142,80\n\n" +
            "00:00:10.000 --> 00:00:20.000\nsprite-0.jpg#xywh=142,0,142,80\n\n" +
            "00:00:20.000 --> 00:00:30.000\nsprite-1.jpg#xywh=0,80,142,80\n";

        [Fact]
        public void Reads_each_cue_with_its_time_range_and_rectangle_resolving_sheets_against_the_url()
        {
            var result = WebVttSpriteReader.Parse(Typical, Base);

            Assert.True(result.IsWellFormed);
            Assert.Equal(3, result.Cues.Count);
            SpriteThumbnail second = result.Cues[1];
            Assert.Equal(1, second.Index);
            Assert.Equal(TimeSpan.FromSeconds(10), second.Start);
            Assert.Equal(TimeSpan.FromSeconds(20), second.End);
            Assert.Equal("http://127.0.0.1:5000/_media/f1/10/sprite-0.jpg", second.Sheet);
            Assert.Equal((142, 0, 142, 80), (second.X, second.Y, second.Width!.Value, second.Height!.Value));
            Assert.Equal("http://127.0.0.1:5000/_media/f1/10/sprite-1.jpg", result.Cues[2].Sheet);
            Assert.Equal(80, result.Cues[2].Y);
        }

        [Fact]
        public void Accepts_crlf_a_bom_identifiers_settings_notes_styles_regions_and_header_metadata()
        {
            string text = "\uFEFFWEBVTT - sprites\r\nKind: metadata\r\n\r\n" +
                "NOTE made by the emulator\r\nsecond note line\r\n\r\n" +
                "STYLE\r\n::cue { color: red }\r\n\r\n" +
                "REGION\r\nid:thumbs\r\n\r\n" +
                "cue-1\r\n00:00:00.000 --> 00:00:02.500 line:0 position:50%\r\nsprite-0.png#xywh=0,0,128,72\r\n\r\n" +
                "NOTE\r\n\r\n" +
                "cue-2\r\n00:00:02.500 --> 00:00:05.000\r\nsprite-0.png#xywh=128,0,128,72\r\n";

            var result = WebVttSpriteReader.Parse(text, Base);

            Assert.Empty(result.Problems);
            Assert.Equal(2, result.Cues.Count);
            Assert.Equal(TimeSpan.FromMilliseconds(2500), result.Cues[0].End);
            Assert.Equal(128, result.Cues[1].X);
        }

        [Fact]
        public void Reads_timestamps_with_and_without_hours_and_hours_past_99()
        {
            string text = "WEBVTT\n\n01:30.250 --> 01:40.000\na.jpg#xywh=0,0,1,1\n\n100:00:00.000 --> 100:00:01.000\na.jpg#xywh=0,0,1,1\n";

            var result = WebVttSpriteReader.Parse(text, Base);

            Assert.Empty(result.Problems);
            Assert.Equal(new TimeSpan(0, 0, 1, 30, 250), result.Cues[0].Start);
            Assert.Equal(TimeSpan.FromHours(100), result.Cues[1].Start);
        }

        [Fact]
        public void Accepts_query_xywh_the_pixel_unit_and_keeps_other_query_parameters()
        {
            string text = "WEBVTT\n\n00:00.000 --> 00:01.000\nsheet.jpg?xywh=10,20,30,40\n\n" +
                "00:01.000 --> 00:02.000\nsheet.jpg?sign=abc&xywh=1,2,3,4\n\n" +
                "00:02.000 --> 00:03.000\nsheet.jpg#xywh=pixel:5,6,7,8\n";

            var result = WebVttSpriteReader.Parse(text, Base);

            Assert.Empty(result.Problems);
            Assert.Equal("http://127.0.0.1:5000/_media/f1/10/sheet.jpg", result.Cues[0].Sheet);
            Assert.Equal((10, 20, 30, 40), (result.Cues[0].X, result.Cues[0].Y, result.Cues[0].Width!.Value, result.Cues[0].Height!.Value));
            Assert.Equal("http://127.0.0.1:5000/_media/f1/10/sheet.jpg?sign=abc", result.Cues[1].Sheet);
            Assert.Equal(4, result.Cues[1].Height);
            Assert.Equal(5, result.Cues[2].X);
        }

        [Fact]
        public void Keeps_absolute_sheet_urls_and_resolves_root_relative_ones()
        {
            string text = "WEBVTT\n\n00:00.000 --> 00:01.000\nhttps://cdn.example.com/x/s.jpg#xywh=0,0,1,1\n\n00:01.000 --> 00:02.000\n/other/s.jpg#xywh=0,0,1,1\n";

            var result = WebVttSpriteReader.Parse(text, Base);

            Assert.Equal("https://cdn.example.com/x/s.jpg", result.Cues[0].Sheet);
            Assert.Equal("http://127.0.0.1:5000/other/s.jpg", result.Cues[1].Sheet);
        }

        [Fact]
        public void A_cue_without_xywh_stands_for_the_whole_sheet()
        {
            var result = WebVttSpriteReader.Parse("WEBVTT\n\n00:00.000 --> 00:05.000\nframe-0.jpg\n", Base);

            SpriteThumbnail cue = Assert.Single(result.Cues);
            Assert.Equal((0, 0), (cue.X, cue.Y));
            Assert.Null(cue.Width);
            Assert.Null(cue.Height);
        }

        [Fact]
        public void Resolves_relative_sheets_next_to_a_local_file()
        {
            string vtt = Path.Combine(Path.GetTempPath(), "sprites", "f1", "index.vtt");

            var result = WebVttSpriteReader.Parse(Typical, vtt);

            Assert.Equal(Path.Combine(Path.GetTempPath(), "sprites", "f1", "sprite-0.jpg"), result.Cues[0].Sheet);
        }

        [Fact]
        public void Malformed_cues_are_reported_with_their_line_number_and_the_good_cues_are_kept()
        {
            string text = "WEBVTT\n\n" +
                "00:00:00.000 --> 00:00:10.000\nsprite-0.jpg#xywh=0,0,142,80\n\n" +     // lines 3-4
                "00:00:1O.000 --> 00:00:20.000\nsprite-0.jpg#xywh=142,0,142,80\n\n" +   // line 6: a letter O
                "00:00:20.000 --> 00:00:30.000\nsprite-0.jpg#xywh=1,2,three,4\n\n" +    // line 10
                "00:00:40.000 --> 00:00:30.000\nsprite-0.jpg#xywh=0,0,1,1\n\n" +        // line 12: ends before it starts
                "00:00:50.000 --> 00:01:00.000\n\n" +                                   // line 15: no image
                "just some text\nmore text\n\n" +                                       // line 17: no timing
                "00:01:00.000 --> 00:01:10.000\nsprite-1.jpg#xywh=0,0,142,80\n";        // lines 20-21

            var result = WebVttSpriteReader.Parse(text, Base);

            Assert.Equal(new[] { 0, 5 }, result.Cues.Select(c => c.Index));
            Assert.Equal(TimeSpan.FromSeconds(60), result.Cues[1].Start);
            Assert.Equal(new[] { 6, 10, 12, 15, 17 }, result.Problems.Select(p => p.LineNumber));
            Assert.Contains("00:00:1O.000", result.Problems[0].Message);
            Assert.Contains("three", result.Problems[1].Message);
            Assert.StartsWith("line 6:", result.Problems[0].ToString());
        }

        [Fact]
        public void A_missing_header_is_a_problem_on_line_1_but_the_cues_are_still_read()
        {
            var result = WebVttSpriteReader.Parse("00:00.000 --> 00:01.000\na.jpg#xywh=0,0,1,1\n", Base);

            Assert.Equal(1, Assert.Single(result.Problems).LineNumber);
            Assert.Single(result.Cues);
        }

        [Fact]
        public void An_empty_text_is_one_problem_and_no_cue()
        {
            var result = WebVttSpriteReader.Parse(string.Empty, null);

            Assert.Single(result.Problems);
            Assert.Empty(result.Cues);
        }

        [Fact]
        public void A_saved_file_maps_its_sheets_to_the_local_copies_the_manifest_lists()
        {
            using var temp = new TempDirectory();
            string vtt = temp.WriteFile("index.vtt", "\uFEFF" + Typical.Replace("sprite-1.jpg", "https://cdn.example.com/other.jpg"));
            File.WriteAllBytes(temp.Combine("sprite-0.jpg"), new byte[] { 1 });
            var manifest = DownloadManifest.Load(temp.Path);
            manifest.Record(new ManifestEntry { Url = Base, Name = "index.vtt", Size = 1, Md5 = "x" });
            manifest.Record(new ManifestEntry { Url = "http://127.0.0.1:5000/_media/f1/10/sprite-0.jpg", Name = "sprite-0.jpg", Size = 1, Md5 = "x" });

            var result = WebVttSpriteReader.ReadFile(vtt);

            Assert.Empty(result.Problems);
            Assert.Equal(temp.Combine("sprite-0.jpg"), result.Cues[0].Sheet);
            Assert.Equal("https://cdn.example.com/other.jpg", result.Cues[2].Sheet);
        }

        [Fact]
        public void A_saved_file_without_a_manifest_resolves_against_its_folder()
        {
            using var temp = new TempDirectory();
            string vtt = temp.WriteFile("index.vtt", Typical.Replace("\n", "\r\n"));

            var result = WebVttSpriteReader.ReadFile(vtt);

            Assert.Equal(temp.Combine("sprite-1.jpg"), result.Cues[2].Sheet);
        }

        [Fact]
        public void A_missing_file_is_not_found()
        {
            var error = Assert.Throws<VodException>(() => WebVttSpriteReader.ReadFile(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid() + ".vtt")));

            Assert.Equal("WebVttNotFound", error.Error.ErrorId);
            Assert.Equal(VodErrorCategory.ObjectNotFound, error.Error.Category);
        }
    }
}
