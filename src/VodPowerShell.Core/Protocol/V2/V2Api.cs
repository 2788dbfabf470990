using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Core.Protocol.V2
{
    /// <summary>The legacy v2 API's generic send: any declared operation (docs/protocol.md §1.1, §5.1–5.5).</summary>
    public sealed class V2Api : IVodApi
    {
        private readonly V2Transport transport;

        /// <summary>The endpoint as answers report it, made once: every answer's reader gets it.</summary>
        private readonly string endpointText;

        public V2Api(TransportOptions options, VodCredential credential, HttpClient? http = null)
        {
            transport = new V2Transport(options, credential, http);
            endpointText = transport.Endpoint.ToString();
        }

        public ApiVersion Version => ApiVersion.V2;

        public VodEndpoint Endpoint => transport.Endpoint;

        /// <summary>v2 has no sub-applications.</summary>
        public ulong? SubAppId => null;

        public async Task<ApiOutcome<TResult>> SendOperationAsync<TRequest, TResult>(VodOperation<TRequest, TResult> operation, TRequest request, CancellationToken cancellationToken)
        {
            if (operation.V2Action is null) return ApiOutcome<TResult>.Failure(OperationErrors.NotInVersion(operation.Name, Version));
            var parameters = new RequestParameters();
            operation.WriteV2(parameters, request);
            var response = await transport.SendAsync(new ApiRequest(operation.V2Action, parameters, operation.IsIdempotent), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess) return ApiOutcome<TResult>.Failure(response.Error!);
            try
            {
                return Succeeded(response, operation.ReadV2(request, response.Body, new ResponseContext(endpointText, null, null, response.HttpStatus)));
            }
            catch (VodException ex)
            {
                return ApiOutcome<TResult>.Failure(ex.Error);
            }
        }

        public void Dispose() => transport.Dispose();

        private static ApiOutcome<T> Succeeded<T>(ApiResponse response, T value) =>
            ApiOutcome<T>.Success(value, response.Code, response.Message, response.CodeDesc, httpStatus: response.HttpStatus);
    }
}
