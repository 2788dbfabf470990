using System;
using System.Collections.Generic;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Credentials
{
    public sealed class SharedCredentialFilesTests : IDisposable
    {
        private const string IniPath = "home/.tencentcloud/credentials";
        private const string TccliCredential = "{\"secretId\": \"AKIDTccli00000000001\", \"secretKey\": \"tccli-key\", \"token\": \"tccli-token\"}";

        private readonly TempDirectory temp = new();
        private readonly Dictionary<string, string> environment = new();

        public void Dispose() => temp.Dispose();

        private VodProfile? Read() =>
            new SharedCredentialFiles(temp.Combine("home"), name => environment.TryGetValue(name, out var value) ? value : null, temp.Combine("etc", "credentials")).Read();

        [Fact]
        public void NoFilesMeansNoCredential() => Assert.Null(Read());

        [Fact]
        public void IniDefaultSectionIsReadWithWhitespaceStrippedAndQuotesKept()
        {
            temp.WriteFile(IniPath, "# comment\n[other]\nsecret_id = AKIDOther\nsecret_key = other\n\n[default]\n  secret_id =   AKIDIni0000000000001  \r\nSECRET_KEY: \"quoted-key\"\n");

            VodProfile profile = Read()!;

            Assert.Equal("SharedFile:~/.tencentcloud/credentials", profile.Source);
            Assert.Equal("AKIDIni0000000000001", profile.Credential.SecretId);
            Assert.Equal("\"quoted-key\"", profile.Credential.SecretKey.ToPlainText());
            Assert.Null(profile.Credential.Token);
            Assert.Null(profile.Region);
        }

        [Fact]
        public void OnlyTheDefaultSectionCounts()
        {
            temp.WriteFile(IniPath, "[other]\nsecret_id = AKIDOther\nsecret_key = other\n");

            Assert.Null(Read());
        }

        [Fact]
        public void CredentialsFileVariableReplacesTheHomeFile()
        {
            temp.WriteFile(IniPath, "[default]\nsecret_id = AKIDHome\nsecret_key = home\n");
            environment[EnvironmentNames.CredentialsFile] = temp.WriteFile("elsewhere/creds", "[default]\nsecret_id = AKIDElsewhere\nsecret_key = elsewhere\n");

            VodProfile profile = Read()!;

            Assert.Equal("AKIDElsewhere", profile.Credential.SecretId);
            Assert.Equal("SharedFile:" + temp.Combine("elsewhere", "creds"), profile.Source);
        }

        [Fact]
        public void SystemFileIsReadWhenTheUserHasNone()
        {
            temp.WriteFile("etc/credentials", "[default]\nsecret_id = AKIDSystem\nsecret_key = system\n");

            Assert.Equal("AKIDSystem", Read()!.Credential.SecretId);
        }

        [Fact]
        public void UserIniFileWinsOverSystemFileAndTccli()
        {
            temp.WriteFile(IniPath, "[default]\nsecret_id = AKIDHome\nsecret_key = home\n");
            temp.WriteFile("etc/credentials", "[default]\nsecret_id = AKIDSystem\nsecret_key = system\n");
            temp.WriteFile("home/.tccli/default.credential", TccliCredential);

            Assert.Equal("AKIDHome", Read()!.Credential.SecretId);
        }

        [Fact]
        public void AnIniFileWithHalfAKeyIsSkipped()
        {
            temp.WriteFile(IniPath, "[default]\nsecret_id = AKIDHome\n");
            temp.WriteFile("home/.tccli/default.credential", TccliCredential);

            Assert.Equal("AKIDTccli00000000001", Read()!.Credential.SecretId);
        }

        [Fact]
        public void TccliDefaultProfileIsReadWithTokenAndRegion()
        {
            temp.WriteFile("home/.tccli/default.credential", TccliCredential);
            temp.WriteFile("home/.tccli/default.configure", "{\"_sys_param\": {\"region\": \"ap-guangzhou\", \"output\": \"json\"}, \"vod\": {\"endpoint\": \"vod.tencentcloudapi.com\"}}");

            VodProfile profile = Read()!;

            Assert.Equal("SharedFile:~/.tccli/default.credential", profile.Source);
            Assert.Equal("tccli-key", profile.Credential.SecretKey.ToPlainText());
            Assert.Equal("tccli-token", profile.Credential.Token!.ToPlainText());
            Assert.Equal("ap-guangzhou", profile.Region);
        }

        [Fact]
        public void TccliProfileComesFromTheEnvironmentAndTokenIsOptional()
        {
            temp.WriteFile("home/.tccli/default.credential", TccliCredential);
            temp.WriteFile("home/.tccli/prod.credential", "{\"secretId\": \"AKIDProd\", \"secretKey\": \"prod-key\"}");
            environment[EnvironmentNames.TccliProfile] = "prod";

            VodProfile profile = Read()!;

            Assert.Equal("AKIDProd", profile.Credential.SecretId);
            Assert.Null(profile.Credential.Token);
            Assert.Null(profile.Region);
        }

        [Fact]
        public void ATccliProfileNameCannotLeaveTheTccliFolder()
        {
            temp.WriteFile("home/escape.credential", TccliCredential);
            environment[EnvironmentNames.TccliProfile] = "../escape";

            Assert.Null(Read());
        }

        [Fact]
        public void ACorruptTccliFileGivesAClearError()
        {
            string path = temp.WriteFile("home/.tccli/default.credential", "{not json");

            var error = Assert.Throws<VodException>(Read);

            Assert.Equal("ProfileFileCorrupt", error.Error.ErrorId);
            Assert.Contains(path, error.Message);
        }
    }
}
