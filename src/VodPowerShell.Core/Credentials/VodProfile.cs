using System;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>A credential with the settings that travel with it: where to send requests and which region.</summary>
    public sealed class VodProfile
    {
        public VodProfile(VodCredential credential, string source)
        {
            Credential = credential ?? throw new ArgumentNullException(nameof(credential));
            Source = source;
        }

        public VodCredential Credential { get; }

        /// <summary>Where the credential came from (Parameter, Session, Environment, …), for -Verbose and Get-VodCredential.</summary>
        public string Source { get; }

        public string? Region { get; set; }

        public Uri? Endpoint { get; set; }

        /// <summary>V2 or V3 when the profile says which API to call, else null.</summary>
        public string? ApiVersion { get; set; }

        public override string ToString() => $"{Credential.MaskedSecretId} ({Source})";
    }
}
