using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Credentials
{
    public sealed class ProfileStoreTests : IDisposable
    {
        private const string Token = "session-token-9f8e7d6c5b4a";
        private static readonly Uri Endpoint = new("https://vod.example.com");

        private readonly TempDirectory temp = new();
        private readonly ProfileStore store;

        public ProfileStoreTests() => store = new ProfileStore(StorePath);

        private string StorePath => temp.Combine("VodPowerShell", "profiles.json");

        private string StoreDirectory => temp.Combine("VodPowerShell");

        public void Dispose() => temp.Dispose();

        private void SaveWork(bool makeDefault = false, string? token = Token) =>
            store.Save("work", TestCredentials.Credential(token), "ap-shanghai", Endpoint, "v3", makeDefault);

        [Fact]
        public void SavedProfileComesBackWithEverySetting()
        {
            SaveWork();

            VodProfile profile = store.Get("work")!;

            Assert.Equal("Profile:work", profile.Source);
            Assert.Equal(TestCredentials.SecretId, profile.Credential.SecretId);
            Assert.Equal(TestCredentials.SecretKey, profile.Credential.SecretKey.ToPlainText());
            Assert.Equal(Token, profile.Credential.Token!.ToPlainText());
            Assert.Equal("ap-shanghai", profile.Region);
            Assert.Equal(Endpoint, profile.Endpoint);
            Assert.Equal("V3", profile.ApiVersion);
        }

        [Fact]
        public void TokenIsOptional()
        {
            SaveWork(token: null);

            Assert.Null(store.Get("work")!.Credential.Token);
            Assert.False(store.List().Single().HasToken);
        }

        [Fact]
        public void OptionalSettingsMayBeLeftOut()
        {
            store.Save("bare", TestCredentials.Credential(), region: null, endpoint: null, apiVersion: null, makeDefault: false);

            VodProfile profile = store.Get("bare")!;
            Assert.Null(profile.Region);
            Assert.Null(profile.Endpoint);
            Assert.Null(profile.ApiVersion);
        }

        [Fact]
        public void ListShowsEveryProfileByNameWithoutSecrets()
        {
            SaveWork(makeDefault: true);
            store.Save("Archive", new VodCredential("AKIDArchive000000000001", "k2".ToSecureString()), null, null, "V2", makeDefault: false);

            IReadOnlyList<StoredProfile> listed = store.List();

            Assert.Equal(new[] { "Archive", "work" }, listed.Select(p => p.Name));
            StoredProfile work = listed[1];
            Assert.Equal(VodCredential.Mask(TestCredentials.SecretId), work.MaskedSecretId);
            Assert.Equal("ap-shanghai", work.Region);
            Assert.Equal(Endpoint, work.Endpoint);
            Assert.Equal("V3", work.ApiVersion);
            Assert.True(work.HasToken);
            Assert.True(work.IsDefault);
            Assert.False(listed[0].IsDefault);
            Assert.Equal(StorePath, work.Path);
        }

        [Fact]
        public void NoSecretInAnyStoredProfilePropertyOrToString()
        {
            SaveWork(makeDefault: true);
            StoredProfile listed = store.List().Single();

            var shown = typeof(StoredProfile).GetProperties().Select(p => Convert.ToString(p.GetValue(listed)) ?? "").Append(listed.ToString());

            foreach (string text in shown)
            {
                Assert.DoesNotContain(TestCredentials.SecretKey, text);
                Assert.DoesNotContain(Token, text);
                Assert.DoesNotContain(TestCredentials.SecretId, text);
            }
        }

        [Fact]
        public void MakeDefaultSetsTheStoreDefault()
        {
            Assert.Null(store.GetDefault());
            SaveWork(makeDefault: true);

            Assert.Equal("work", store.DefaultProfileName);
            Assert.Equal("Profile:work", store.GetDefault()!.Source);
        }

        [Fact]
        public void SavingTheDefaultAgainKeepsItDefaultAndSavingAnotherDoesNotSteal()
        {
            SaveWork(makeDefault: true);
            SaveWork(makeDefault: false);
            store.Save("other", TestCredentials.Credential(), null, null, null, makeDefault: false);

            Assert.Equal("work", store.DefaultProfileName);
        }

        [Fact]
        public void RemovingTheDefaultLeavesNoDefault()
        {
            SaveWork(makeDefault: true);

            Assert.True(store.Remove("work"));

            Assert.Null(store.Get("work"));
            Assert.Null(store.DefaultProfileName);
            Assert.Empty(store.List());
        }

        [Fact]
        public void RemovingAnUnknownProfileReturnsFalse()
        {
            SaveWork();

            Assert.False(store.Remove("nope"));
            Assert.NotNull(store.Get("work"));
        }

        [Fact]
        public void NamesIgnoreCaseAndKeepTheLastSpelling()
        {
            SaveWork(makeDefault: true);
            store.Save("WORK", TestCredentials.Credential(), null, null, null, makeDefault: false);

            Assert.Equal("WORK", store.List().Single().Name);
            Assert.Equal("WORK", store.DefaultProfileName);
            Assert.Equal("Profile:WORK", store.Get("work")!.Source);
        }

        [Fact]
        public void AMissingFileIsAnEmptyStoreAndIsNotCreatedByReading()
        {
            Assert.Empty(store.List());
            Assert.Null(store.Get("work"));
            Assert.Null(store.DefaultProfileName);
            Assert.False(Directory.Exists(StoreDirectory));
        }

        [Theory]
        [InlineData("")]
        [InlineData("has space")]
        [InlineData("../escape")]
        public void InvalidNamesAreRefused(string name)
        {
            var error = Assert.Throws<VodException>(() => store.Save(name, TestCredentials.Credential(), null, null, null, false));

            Assert.Equal("InvalidProfileName", error.Error.ErrorId);
        }

        [Fact]
        public void UnknownApiVersionIsRefused()
        {
            var error = Assert.Throws<VodException>(() => store.Save("work", TestCredentials.Credential(), null, null, "V4", false));

            Assert.Equal("InvalidApiVersion", error.Error.ErrorId);
        }

        [Fact]
        public void PlainHttpEndpointIsRefusedWhenSaved()
        {
            var error = Assert.Throws<VodException>(() => store.Save("work", TestCredentials.Credential(), null, new Uri("http://vod.example.com"), null, false));

            Assert.Equal("InsecureEndpoint", error.Error.ErrorId);
            Assert.False(File.Exists(StorePath));
        }

        [Fact]
        public void TheFileHasTheDocumentedShape()
        {
            SaveWork(makeDefault: true);

            using JsonDocument file = JsonDocument.Parse(File.ReadAllText(StorePath));
            JsonElement work = file.RootElement.GetProperty("profiles").GetProperty("work");
            Assert.Equal(1, file.RootElement.GetProperty("version").GetInt32());
            Assert.Equal("work", file.RootElement.GetProperty("defaultProfile").GetString());
            Assert.Equal(TestCredentials.SecretId, work.GetProperty("secretId").GetString());
            Assert.Equal(OperatingSystem.IsWindows() ? "DPAPI-CurrentUser" : "FileMode", work.GetProperty("protection").GetString());
            Assert.Equal("https://vod.example.com/", work.GetProperty("endpoint").GetString());
        }

        [WindowsFact]
        public void SecretsAreNotInTheFileInClearTextOnWindows()
        {
            SaveWork();

            string text = File.ReadAllText(StorePath);
            Assert.DoesNotContain(TestCredentials.SecretKey, text);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(TestCredentials.SecretKey)), text);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Token)), text);
        }

        [UnixFact]
        [UnsupportedOSPlatform("windows")]
        public void SavedFileIsOwnerOnlyInAnOwnerOnlyDirectory()
        {
            SaveWork();

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StorePath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(StoreDirectory));
        }

        [UnixFact]
        [UnsupportedOSPlatform("windows")]
        public void NewFilesAreOwnerOnlyFromCreationWhateverTheUmask()
        {
            string path = temp.Combine("created");

            using (OwnerOnlyFiles.CreateNew(path))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }

        [UnixFact]
        [UnsupportedOSPlatform("windows")]
        public void AGroupReadableFileIsRefusedWithTheChmodFix()
        {
            SaveWork();
            File.SetUnixFileMode(StorePath, (UnixFileMode)Convert.ToInt32("644", 8));

            var error = Assert.Throws<VodException>(() => store.Get("work"));

            Assert.Equal("ProfileFileInsecure", error.Error.ErrorId);
            Assert.Equal(VodErrorCategory.SecurityError, error.Error.Category);
            Assert.Contains($"chmod 600 {StorePath}", error.Message);
        }

        [UnixFact]
        [UnsupportedOSPlatform("windows")]
        public void AnOtherWritableDirectoryIsRefusedWithTheChmodFix()
        {
            SaveWork();
            File.SetUnixFileMode(StoreDirectory, (UnixFileMode)Convert.ToInt32("757", 8));

            var read = Assert.Throws<VodException>(() => store.List());
            var write = Assert.Throws<VodException>(() => SaveWork());

            Assert.Equal("ProfileFileInsecure", read.Error.ErrorId);
            Assert.Contains($"chmod 700 {StoreDirectory}", read.Message);
            Assert.Equal("ProfileFileInsecure", write.Error.ErrorId);
        }

        [Theory]
        [InlineData("{")]
        [InlineData("[]")]
        [InlineData("{\"version\": 2, \"profiles\": {}}")]
        [InlineData("{\"version\": 1, \"profiles\": []}")]
        [InlineData("{\"version\": 1, \"profiles\": {\"a\": {\"secretId\": \"AKID1\", \"protection\": \"FileMode\"}}}")]
        [InlineData("{\"version\": 1, \"profiles\": {\"a\": {\"secretId\": \"AKID1\", \"protection\": \"FileMode\", \"secretKey\": \"not base64!\"}}}")]
        [InlineData("{\"version\": 1, \"profiles\": {\"a\": {\"secretId\": \"AKID1\", \"protection\": \"Rot13\", \"secretKey\": \"a2V5\"}}}")]
        [InlineData("{\"version\": 1, \"profiles\": {\"a\": {\"secretId\": \"AKID1\", \"protection\": \"FileMode\", \"secretKey\": \"a2V5\", \"endpoint\": \"relative\"}}}")]
        [InlineData("{\"version\": 1, \"defaultProfile\": \"gone\", \"profiles\": {}}")]
        [InlineData("{\"version\": 1, \"profiles\": {\"a\": {\"secretId\": \"AKID1\", \"protection\": \"FileMode\", \"secretKey\": \"a2V5\"}, \"A\": {}}}")]
        public void ACorruptFileGivesAClearError(string content)
        {
            SaveWork();
            File.WriteAllText(StorePath, content);

            var error = Assert.Throws<VodException>(() => store.List());

            Assert.Equal("ProfileFileCorrupt", error.Error.ErrorId);
            Assert.Contains(StorePath, error.Message);
        }

        [Fact]
        public void WritesLeaveNoTemporaryFiles()
        {
            SaveWork();
            store.Save("second", TestCredentials.Credential(), null, null, null, makeDefault: true);
            store.Remove("work");

            Assert.Equal(new[] { StorePath }, Directory.GetFiles(StoreDirectory));
        }

        [Fact]
        public async Task ConcurrentWritersNeverLeaveATornFile()
        {
            SaveWork();
            var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(() =>
            {
                for (int round = 0; round < 25; round++) store.Save($"p{writer}", TestCredentials.Credential(Token), "ap-guangzhou", null, null, round % 2 == 0);
            }));
            var reader = Task.Run(() =>
            {
                for (int round = 0; round < 100; round++) Assert.NotNull(store.Get("work"));
            });

            await Task.WhenAll(writers.Append(reader));

            Assert.Contains(store.List(), p => p.Name == "work");
            Assert.Equal(new[] { StorePath }, Directory.GetFiles(StoreDirectory));
        }

        [Fact]
        public void TheConstructorPathWinsOverTheEnvironment()
        {
            var located = new ProfileStore(StorePath, name => name == EnvironmentNames.ProfileStorePath ? "/elsewhere/profiles.json" : null);

            Assert.Equal(StorePath, located.FilePath);
        }

        [Theory]
        [InlineData(false, "/override/p.json", "/xdg", "/home/u", null, "/override/p.json")]
        [InlineData(false, null, "/xdg", "/home/u", null, "/xdg/VodPowerShell/profiles.json")]
        [InlineData(false, null, "relative/xdg", "/home/u", null, "/home/u/.config/VodPowerShell/profiles.json")]
        [InlineData(false, null, null, "/home/u", null, "/home/u/.config/VodPowerShell/profiles.json")]
        [InlineData(true, null, "/xdg", "/home/u", @"C:\Users\u\AppData\Roaming", @"C:\Users\u\AppData\Roaming/VodPowerShell/profiles.json")]
        public void DefaultPathFollowsTheEnvironment(bool windows, string? overridePath, string? xdg, string home, string? appData, string expected)
        {
            var variables = new Dictionary<string, string?>
            {
                [EnvironmentNames.ProfileStorePath] = overridePath,
                [EnvironmentNames.XdgConfigHome] = xdg,
                [EnvironmentNames.Home] = home,
                [EnvironmentNames.AppData] = appData,
            };

            string path = ProfileStore.DefaultPath(name => variables.TryGetValue(name, out string? value) ? value : null, windows);

            Assert.Equal(expected.Replace('/', Path.DirectorySeparatorChar), path.Replace('/', Path.DirectorySeparatorChar));
        }
    }
}
