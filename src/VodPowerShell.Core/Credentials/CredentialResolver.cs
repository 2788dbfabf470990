using System;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>
    /// Picks the credential for a call, first match wins: the call's own credential, the session default,
    /// then the environment variables of Tencent's tools. Returns null when none is found.
    /// </summary>
    public sealed class CredentialResolver
    {
        private readonly Func<string, string?> readEnvironment;

        public CredentialResolver(Func<string, string?>? readEnvironment = null) =>
            this.readEnvironment = readEnvironment ?? Environment.GetEnvironmentVariable;

        public VodProfile? Resolve(VodCredential? explicitCredential, VodProfile? sessionDefault)
        {
            if (explicitCredential != null) return new VodProfile(explicitCredential, CredentialSources.Parameter);
            if (sessionDefault != null) return sessionDefault;
            return FromEnvironment();
        }

        public VodProfile? FromEnvironment()
        {
            string? secretId = NonEmpty(EnvironmentNames.SecretId);
            string? secretKey = NonEmpty(EnvironmentNames.SecretKey);
            if (secretId is null || secretKey is null) return null;

            string? token = NonEmpty(EnvironmentNames.Token) ?? NonEmpty(EnvironmentNames.SecurityToken);
            var credential = new VodCredential(secretId, secretKey.ToSecureString(), token?.ToSecureString());
            return new VodProfile(credential, CredentialSources.Environment) { Region = NonEmpty(EnvironmentNames.Region) };
        }

        private string? NonEmpty(string name)
        {
            string? value = readEnvironment(name);
            return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
        }
    }
}
