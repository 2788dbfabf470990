using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Core.Protocol.V3
{
    /// <summary>API 3.0's generic send: any declared operation (VOD 2018-07-17; docs/protocol.md §1.3, §5.6–5.10).</summary>
    public sealed class V3Api : IVodApi
    {
        private readonly V3Transport transport;

        /// <summary>The endpoint as answers report it, made once: every answer's reader gets it.</summary>
        private readonly string endpointText;

        public V3Api(TransportOptions options, VodCredential credential, HttpClient? http = null)
        {
            transport = new V3Transport(options, credential, http);
            endpointText = transport.Endpoint.ToString();
        }

        public ApiVersion Version => ApiVersion.V3;

        public VodEndpoint Endpoint => transport.Endpoint;

        public ulong? SubAppId => transport.SubAppId;

        public void Dispose() => transport.Dispose();

        public async Task<ApiOutcome<TResult>> SendOperationAsync<TRequest, TResult>(VodOperation<TRequest, TResult> operation, TRequest request, CancellationToken cancellationToken)
        {
            if (operation.V3Action is null) return ApiOutcome<TResult>.Failure(OperationErrors.NotInVersion(operation.Name, Version));
            var response = await SendAsync(operation.V3Action, writer => operation.WriteV3(writer, request), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                return operation.Nothing != null && response.ErrorCode == operation.V3NothingCode ? Succeeded(response, operation.Nothing()) : Failed<TResult>(response);
            }

            try
            {
                return Succeeded(response, operation.ReadV3(request, response.Body, new ResponseContext(endpointText, SubAppId, response.RequestId, response.HttpStatus)));
            }
            catch (VodException ex)
            {
                return ApiOutcome<TResult>.Failure(ex.Error, response.RequestId);
            }
        }

        private Task<V3Response> SendAsync(string action, Action<Utf8JsonWriter>? writeFields, CancellationToken cancellationToken) =>
            transport.SendAsync(V3Request.Create(action, SubAppId, writeFields), cancellationToken);

        private static ApiOutcome<T> Succeeded<T>(V3Response response, T value) =>
            ApiOutcome<T>.Success(value, message: null, requestId: response.RequestId, httpStatus: response.HttpStatus);

        private static ApiOutcome<T> Failed<T>(V3Response response) => ApiOutcome<T>.Failure(response.Error!, response.RequestId);
    }
}
