namespace VodPowerShell.Core.Api
{
    /// <summary>Which Tencent Cloud API a call goes through: the legacy v2 API or API 3.0.</summary>
    public enum ApiVersion
    {
        V2,
        V3,
    }
}
