using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using VodPowerShell.Emulator.Domain;
using VodPowerShell.Emulator.Tests.TestSupport;
using static VodPowerShell.Emulator.Tests.TestSupport.V3Wire;

namespace VodPowerShell.Emulator.Tests.Media
{
    public class SearchMediaTests
    {
        [Fact]
        public async Task SplittingTheCreateTimeRangeFindsEveryFileOfALargeLibraryExactlyOnce()
        {
            const int size = 12_000;
            await using var emulator = await TestEmulator.StartAsync(o => o.LibrarySize = size);
            var end = emulator.Clock.GetUtcNow().AddMinutes(1);
            var seen = new List<string>();
            DateTimeOffset? previous = null;
            for (var from = end - TimeSpan.FromDays(91); from < end; from += TimeSpan.FromDays(13))
            {
                var to = from + TimeSpan.FromDays(13) > end ? end : from + TimeSpan.FromDays(13);
                int total = int.MaxValue;
                for (int offset = 0; offset < total; offset += 1000)
                {
                    var page = await SendAsync(emulator, new Request("SearchMedia", Json(new
                    {
                        CreateTime = new { After = Iso(from), Before = Iso(to) },
                        Sort = new { Field = "CreateTime", Order = "Asc" },
                        Filters = new[] { "basicInfo" },
                        Offset = offset,
                        Limit = 1000,
                    })));
                    Assert.Null(ErrorCode(page));
                    total = page.GetProperty("TotalCount").GetInt32();
                    Assert.True(total < 5000, "each window stays under the service's limit");
                    foreach (var info in page.GetProperty("MediaInfoSet").EnumerateArray())
                    {
                        var created = DateTimeOffset.Parse(info.GetProperty("BasicInfo").GetProperty("CreateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                        Assert.True(created >= from && created < to, "CreateTime.After is inclusive and Before exclusive");
                        Assert.True(previous is null || created >= previous, "ascending CreateTime");
                        previous = created;
                        seen.Add(info.GetProperty("FileId").GetString()!);
                    }
                }
            }

            Assert.Equal(size, seen.Count);
            Assert.Equal(size, seen.Distinct().Count());
        }

        [Fact]
        public async Task AWindowPastTheFiveThousandthResultIsRefusedAsTheServiceDoes()
        {
            await using var emulator = await TestEmulator.StartAsync(o => o.LibrarySize = 6000);

            var last = await SendAsync(emulator, new Request("SearchMedia", Json(new { Offset = 4990, Limit = 10, Filters = new[] { "basicInfo" } })));
            Assert.Equal(6000, last.GetProperty("TotalCount").GetInt32());
            Assert.Equal(10, last.GetProperty("MediaInfoSet").GetArrayLength());

            var beyond = await SendAsync(emulator, new Request("SearchMedia", Json(new { Offset = 4991, Limit = 10 })));
            Assert.Equal("InvalidParameterValue.Limit", ErrorCode(beyond));
            Assert.Contains("Offset + Limit must not exceed 5000", beyond.GetProperty("Error").GetProperty("Message").GetString());
            Assert.Equal("InvalidParameterValue.Offset", await ErrorCodeAsync(emulator, new Request("SearchMedia", Json(new { Offset = -1 }))));
            Assert.Equal("InvalidParameterValue.Sort", await ErrorCodeAsync(emulator, new Request("SearchMedia", Json(new { Sort = new { Field = "Name" } }))));
            Assert.Equal("InvalidParameterValue.CreateTime", await ErrorCodeAsync(emulator, new Request("SearchMedia", Json(new { CreateTime = new { After = "yesterday" } }))));
        }

        [Fact]
        public async Task TheDefaultOrderIsNewestFirstAndTiesAreBrokenByFileId()
        {
            await using var emulator = await TestEmulator.StartAsync();
            var page = await SendAsync(emulator, new Request("SearchMedia", Json(new { Limit = 50 })));
            var keys = page.GetProperty("MediaInfoSet").EnumerateArray()
                .Select(i => (i.GetProperty("BasicInfo").GetProperty("CreateTime").GetString()!, i.GetProperty("FileId").GetString()!)).ToList();

            Assert.Equal(300, page.GetProperty("TotalCount").GetInt32());
            Assert.Equal(keys.OrderByDescending(k => k.Item1, StringComparer.Ordinal).ThenByDescending(k => k.Item2, StringComparer.Ordinal), keys);
            var newest = emulator.Host.Service.Media.Listed()[^1];
            Assert.Equal(newest.FileId, keys[0].Item2);
        }

        [Fact]
        public async Task FiltersCombineAndClassIdsIncludeSubcategories()
        {
            await using var emulator = await TestEmulator.StartAsync(o => o.LibrarySize = 2000);
            var page = await SendAsync(emulator, new Request("SearchMedia", Json(new
            {
                ClassIds = new[] { 10 },
                SourceTypes = new[] { "Record" },
                Tags = new[] { "sports", "news" },
                Limit = 500,
            })));

            var expected = emulator.Host.Service.Media.Listed().Where(f => f.Details.ClassId is 10 or 11 or 12 && f.Details.SourceType == "Record"
                && (f.Details.Tags.Contains("sports") || f.Details.Tags.Contains("news"))).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Count, page.GetProperty("TotalCount").GetInt32());
            foreach (var info in page.GetProperty("MediaInfoSet").EnumerateArray())
            {
                var basic = info.GetProperty("BasicInfo");
                Assert.StartsWith("Movies", basic.GetProperty("ClassPath").GetString());
                Assert.Equal("Record", basic.GetProperty("SourceInfo").GetProperty("SourceType").GetString());
                Assert.True(info.GetProperty("MetaData").GetProperty("Duration").GetDouble() > 0);
                Assert.Equal(0, info.GetProperty("ImageSpriteInfo").GetProperty("ImageSpriteSet").GetArrayLength());
            }

            var byName = await SendAsync(emulator, new Request("SearchMedia", Json(new { NamePrefixes = new[] { expected[0].Details.Name }, Categories = new[] { expected[0].Details.Category } })));
            Assert.Contains(byName.GetProperty("MediaInfoSet").EnumerateArray(), i => i.GetProperty("FileId").GetString() == expected[0].FileId);
        }

        [Fact]
        public void TheSameSeedGivesTheSameLibraryAndAnotherSeedAnotherOne()
        {
            var epoch = DateTimeOffset.UtcNow;
            var first = new MediaLibrary(true, 100, 5, epoch).Listed();
            var again = new MediaLibrary(true, 100, 5, epoch).Listed();
            var other = new MediaLibrary(true, 100, 6, epoch).Listed();

            Assert.Equal(first.Select(f => (f.FileId, f.Details.Name, f.DurationSeconds)), again.Select(f => (f.FileId, f.Details.Name, f.DurationSeconds)));
            Assert.NotEqual(first.Select(f => f.Details.Name), other.Select(f => f.Details.Name));
            Assert.All(first, f => Assert.InRange(f.Details.CreateTime, epoch - MediaCatalogue.Span - TimeSpan.FromSeconds(1), epoch));
        }

        [Fact]
        public async Task DescribeMediaInfosAnswersUpToTwentyIdsAndNamesTheMissingOnes()
        {
            await using var emulator = await TestEmulator.StartAsync(o => o.LibrarySize = 30);
            string listed = MediaCatalogue.FileIdOf(3);

            var answer = await SendAsync(emulator, new Request("DescribeMediaInfos", Json(new { FileIds = new[] { listed, "missing-1", "invented-id" }, Filters = new[] { "metaData" } })));
            var infos = answer.GetProperty("MediaInfoSet").EnumerateArray().ToList();
            Assert.Equal(new[] { listed, "invented-id" }, infos.Select(i => i.GetProperty("FileId").GetString()));
            Assert.False(infos[0].TryGetProperty("BasicInfo", out _), "Filters leave out the parts not asked for");
            Assert.Equal(MediaLibrary.OpenDurationSeconds("invented-id"), infos[1].GetProperty("MetaData").GetProperty("Duration").GetDouble());
            Assert.Equal(new[] { "missing-1" }, answer.GetProperty("NotExistFileIdSet").EnumerateArray().Select(e => e.GetString()));

            var ids = Enumerable.Range(0, 21).Select(MediaCatalogue.FileIdOf).ToArray();
            var tooMany = await SendAsync(emulator, new Request("DescribeMediaInfos", Json(new { FileIds = ids })));
            Assert.Equal("InvalidParameterValue.FileIdsTooMany", ErrorCode(tooMany));
            Assert.Contains("at most 20", tooMany.GetProperty("Error").GetProperty("Message").GetString());
            Assert.Null(ErrorCode(await SendAsync(emulator, new Request("DescribeMediaInfos", Json(new { FileIds = ids[..20] })))));
            Assert.Equal("InvalidParameterValue.FileIdsEmpty", await ErrorCodeAsync(emulator, new Request("DescribeMediaInfos", Json(new { FileIds = Array.Empty<string>() }))));
            Assert.Equal("MissingParameter", await ErrorCodeAsync(emulator, new Request("DescribeMediaInfos", "{}")));
        }

        [Fact]
        public async Task ExplicitFilesCarryTheirOwnDetailsAndAreListed()
        {
            await using var emulator = await TestEmulator.StartAsync(o => o.LibrarySize = 0);
            var media = emulator.Host.Service.Media;
            media.Add(media.ParseFiles("""{"files":[{"fileId":"own-1","durationSeconds":61,"name":"Cup final","classId":31,"tags":["sports"],"createTime":"2024-05-01T10:00:00Z"}]}"""));

            var page = await SendAsync(emulator, new Request("SearchMedia", Json(new { Names = new[] { "cup" } })));
            var basic = Assert.Single(page.GetProperty("MediaInfoSet").EnumerateArray()).GetProperty("BasicInfo");
            Assert.Equal(("Cup final", "Recordings-Sports", "2024-05-01T10:00:00Z"), (basic.GetProperty("Name").GetString(), basic.GetProperty("ClassPath").GetString(), basic.GetProperty("CreateTime").GetString()));
        }

        private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }
}
