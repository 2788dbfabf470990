using System.Collections.Generic;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Credentials
{
    public class CredentialResolverTests
    {
        private static CredentialResolver WithEnvironment(Dictionary<string, string> variables) =>
            new(name => variables.TryGetValue(name, out var value) ? value : null);

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
    }
}
