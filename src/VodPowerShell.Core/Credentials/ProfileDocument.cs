using System;
using System.Collections.Generic;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>The whole profile file in memory. Disposing it wipes the secret bytes it read.</summary>
    internal sealed class ProfileDocument : IDisposable
    {
        /// <summary>Profile names compare like PowerShell names: without regard to case.</summary>
        public Dictionary<string, ProfileRecord> Profiles { get; } = new Dictionary<string, ProfileRecord>(StringComparer.OrdinalIgnoreCase);

        public string? DefaultProfileName { get; set; }

        public bool IsDefault(string name) => string.Equals(DefaultProfileName, name, StringComparison.OrdinalIgnoreCase);

        public void Dispose()
        {
            foreach (ProfileRecord record in Profiles.Values) record.ClearSecrets();
        }
    }
}
