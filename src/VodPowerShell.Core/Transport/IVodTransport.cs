using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Protocol;

namespace VodPowerShell.Core.Transport
{
    /// <summary>
    /// Sends one action and returns the service's answer. One implementation per API version, so cmdlets never
    /// build URLs, sign or parse JSON themselves. Network and protocol failures throw <see cref="Errors.VodException"/>;
    /// a service error is a normal <see cref="ApiResponse"/> with a non-zero code.
    /// </summary>
    public interface IVodTransport
    {
        VodEndpoint Endpoint { get; }

        Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken);
    }
}
