using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Protocol;
using VodPowerShell.Core.Transport;

namespace VodPowerShell.Core.Client
{
    /// <summary>
    /// The operations the cmdlets offer, on top of any transport. Every failure of one item comes back inside
    /// its result, so a caller processing thousands of items never has to catch per item.
    /// </summary>
    public sealed class VodClient
    {
        public const string CreateImageSpriteAction = "CreateImageSprite";

        private readonly IVodTransport transport;
        private readonly RetryOptions retry;

        public VodClient(IVodTransport transport, RetryOptions? retry = null)
        {
            this.transport = transport ?? throw new ArgumentNullException(nameof(transport));
            this.retry = retry ?? new RetryOptions();
        }

        public async Task<ImageSpriteResult> CreateImageSpriteAsync(string fileId, int definition, CancellationToken cancellationToken)
        {
            var result = new ImageSpriteResult(fileId, definition, transport.Endpoint.ToString());
            var request = new ApiRequest(CreateImageSpriteAction, new RequestParameters(2)
                .Add(WireNames.FileId, fileId)
                .Add(WireNames.Definition, definition.ToString(CultureInfo.InvariantCulture)));

            VodError? error = await SendWithRetryAsync(request, result, response =>
                result.SetSucceeded(response.GetString(WireNames.VodTaskId), response.Code, response.Message, response.CodeDesc, DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
            if (error != null) result.SetFailed(error);
            return result;
        }

        /// <summary>
        /// Sends until the service answers with success or a failure retrying cannot fix. Only failures the
        /// service reported (it did not act on the request) are retried here; a lost answer is never resent blindly.
        /// </summary>
        private async Task<VodError?> SendWithRetryAsync(ApiRequest request, ImageSpriteResult result, Action<ApiResponse> onSuccess, CancellationToken cancellationToken)
        {
            bool resigned = false;
            for (int attempt = 1; ; attempt++)
            {
                result.Attempts = attempt;
                VodError error;
                try
                {
                    ApiResponse response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    result.HttpStatus = response.HttpStatus;
                    if (response.IsSuccess)
                    {
                        onSuccess(response);
                        return null;
                    }

                    error = response.Error!;
                }
                catch (VodException ex)
                {
                    return ex.Error;
                }

                var policy = ErrorCodeCatalog.Lookup(error.Code ?? 0).Retry;
                bool again = policy switch
                {
                    RetryPolicy.ResignOnce => !resigned,
                    RetryPolicy.Never => false,
                    _ => attempt <= retry.MaximumRetryCount,
                };
                if (!again) return error;

                if (policy == RetryPolicy.ResignOnce)
                {
                    resigned = true;
                }
                else
                {
                    await retry.Delay(retry.BackoffFor(attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
