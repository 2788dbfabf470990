using System;
using System.Collections.Generic;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Credentials
{
    public sealed class CredentialResolverTests : IDisposable
    {
        // An empty store and an empty home, so only what a test puts there can be found.
        private readonly TempDirectory temp = new();
        private readonly ProfileStore store;
        private readonly SharedCredentialFiles sharedFiles;

        public CredentialResolverTests()
        {
            store = new ProfileStore(temp.Combine("store", "profiles.json"));
            sharedFiles = new SharedCredentialFiles(temp.Combine("home"), _ => null, temp.Combine("etc", "credentials"));
        }

        public void Dispose() => temp.Dispose();

        private CredentialResolver WithEnvironment(Dictionary<string, string> variables) =>
            new(name => variables.TryGetValue(name, out var value) ? value : null, store, sharedFiles);

        private static readonly Dictionary<string, string> NoEnvironment = new();

        private static readonly Dictionary<string, string> FullEnvironment = new()
        {
            [EnvironmentNames.SecretId] = "AKIDFromEnvironment0001",
            [EnvironmentNames.SecretKey] = "env-key",
            [EnvironmentNames.SecurityToken] = "terraform-token",
            [EnvironmentNames.Region] = "ap-shanghai",
        };

        [Fact]
        public void ParameterWinsOverSessionAndEnvironment()
        {
            var session = new VodProfile(TestCredentials.Credential(), CredentialSources.Session);
            var explicitCredential = new VodCredential("AKIDExplicit000000000", "k".ToSecureString());

            var resolved = WithEnvironment(FullEnvironment).Resolve(explicitCredential, session);

            Assert.Equal(CredentialSources.Parameter, resolved!.Source);
            Assert.Equal("AKIDExplicit000000000", resolved.Credential.SecretId);
        }

        [Fact]
        public void SessionWinsOverEnvironment()
        {
            var session = new VodProfile(TestCredentials.Credential(), CredentialSources.Session);

            Assert.Same(session, WithEnvironment(FullEnvironment).Resolve(null, session));
        }

        [Fact]
        public void EnvironmentIsReadWithTerraformTokenAndRegion()
        {
            var resolved = WithEnvironment(FullEnvironment).Resolve(null, null);

            Assert.Equal(CredentialSources.Environment, resolved!.Source);
            Assert.Equal("AKIDFromEnvironment0001", resolved.Credential.SecretId);
            Assert.Equal("env-key", resolved.Credential.SecretKey.ToPlainText());
            Assert.Equal("terraform-token", resolved.Credential.Token!.ToPlainText());
            Assert.Equal("ap-shanghai", resolved.Region);
        }

        [Fact]
        public void TccliTokenNameIsPreferred()
        {
            var variables = new Dictionary<string, string>(FullEnvironment) { [EnvironmentNames.Token] = "tccli-token" };

            Assert.Equal("tccli-token", WithEnvironment(variables).Resolve(null, null)!.Credential.Token!.ToPlainText());
        }

        [Fact]
        public void HalfAnEnvironmentCredentialIsNoCredential()
        {
            var variables = new Dictionary<string, string> { [EnvironmentNames.SecretId] = "AKIDOnly", [EnvironmentNames.SecretKey] = "  " };

            Assert.Null(WithEnvironment(variables).Resolve(null, null));
        }

        [Fact]
        public void ToStringShowsOnlyTheMaskedId()
        {
            var credential = new VodCredential("AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA", "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA".ToSecureString());

            Assert.Equal("VodCredential(AKID****************************hESA)", credential.ToString());
            Assert.DoesNotContain("Gu5t9x", new VodProfile(credential, "Session").ToString());
        }

        private void SaveStoredDefault() =>
            store.Save("stored", new VodCredential("AKIDStoredDefault00001", "stored-key".ToSecureString()), null, null, null, makeDefault: true);

        private void WriteSharedFile() =>
            temp.WriteFile("home/.tencentcloud/credentials", "[default]\nsecret_id = AKIDSharedFile000001\nsecret_key = shared-key\n");

        [Fact]
        public void NamedProfileWinsOverSessionEnvironmentAndStoreDefault()
        {
            SaveStoredDefault();
            store.Save("named", new VodCredential("AKIDNamedProfile00001", "named-key".ToSecureString()), null, null, null, makeDefault: false);
            var session = new VodProfile(TestCredentials.Credential(), CredentialSources.Session);

            var resolved = WithEnvironment(FullEnvironment).Resolve(null, "named", session);

            Assert.Equal("Profile:named", resolved!.Source);
            Assert.Equal("AKIDNamedProfile00001", resolved.Credential.SecretId);
        }

        [Fact]
        public void ParameterWinsOverNamedProfile()
        {
            var resolved = WithEnvironment(NoEnvironment).Resolve(TestCredentials.Credential(), "missing", null);

            Assert.Equal(CredentialSources.Parameter, resolved!.Source);
        }

        [Fact]
        public void AMissingNamedProfileIsAnErrorNotAFallback()
        {
            SaveStoredDefault();
            var session = new VodProfile(TestCredentials.Credential(), CredentialSources.Session);

            var error = Assert.Throws<VodException>(() => WithEnvironment(FullEnvironment).Resolve(null, "missing", session));

            Assert.Equal("ProfileNotFound", error.Error.ErrorId);
            Assert.Equal(VodErrorCategory.ObjectNotFound, error.Error.Category);
            Assert.Contains("'missing'", error.Message);
        }

        [Fact]
        public void EnvironmentWinsOverStoreDefault()
        {
            SaveStoredDefault();

            Assert.Equal(CredentialSources.Environment, WithEnvironment(FullEnvironment).Resolve(null, null)!.Source);
        }

        [Fact]
        public void StoreDefaultWinsOverSharedFiles()
        {
            SaveStoredDefault();
            WriteSharedFile();

            var resolved = WithEnvironment(NoEnvironment).Resolve(null, null);

            Assert.Equal("Profile:stored", resolved!.Source);
            Assert.Equal("stored-key", resolved.Credential.SecretKey.ToPlainText());
        }

        [Fact]
        public void SharedFilesComeLast()
        {
            store.Save("not-default", TestCredentials.Credential(), null, null, null, makeDefault: false);
            WriteSharedFile();

            var resolved = WithEnvironment(NoEnvironment).Resolve(null, null);

            Assert.Equal("SharedFile:~/.tencentcloud/credentials", resolved!.Source);
            Assert.Equal("AKIDSharedFile000001", resolved.Credential.SecretId);
        }
    }
}
