namespace VodPowerShell.Core.Signing
{
    /// <summary>The HMAC a v2 request is signed with; the wire value is the member name.</summary>
    public enum SignatureMethod
    {
        HmacSHA256,
        HmacSHA1,
    }
}
