using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using VodPowerShell.Emulator.Domain;
using VodPowerShell.Emulator.Protocol;

namespace VodPowerShell.Emulator.Downloads
{
    /// <summary>
    /// Serves finished sprites like a CDN: unsigned GETs (and HEADs) of <c>/_media/&lt;fileId&gt;/&lt;definition&gt;/&lt;name&gt;</c>,
    /// no quota, no ledger. The files of the latest successful task for that file and definition, rendered on
    /// demand; 404 for anything else. Strong ETags, If-None-Match (304), one byte range (206, 416), and the
    /// download faults: reset (the announced length, half the body, then a dropped connection), http500, slow
    /// (half the body, a pause of --slow-ms, the rest).
    /// </summary>
    public sealed class DownloadEndpoint
    {
        public const string Route = SpriteUrls.Prefix + "/{fileId}/{definition:int}/{name}";

        private readonly VodService service;
        private readonly FaultInjector faults;
        private readonly DownloadLog log;
        private readonly SheetCache cache;
        private readonly TimeSpan slowDelay;
        private readonly int sheetPaddingBytes;

        public DownloadEndpoint(VodService service, FaultInjector faults, DownloadLog log, SheetCache cache, TimeSpan slowDelay, int sheetPaddingBytes = 0)
        {
            this.service = service;
            this.faults = faults;
            this.log = log;
            this.cache = cache;
            this.slowDelay = slowDelay;
            this.sheetPaddingBytes = sheetPaddingBytes;
        }

        public async Task HandleAsync(HttpContext context)
        {
            var request = context.Request;
            var response = context.Response;
            string? range = request.Headers.Range.Count > 0 ? request.Headers.Range.ToString() : null;
            bool conditional = request.Headers.IfNoneMatch.Count > 0;
            var fault = faults.Next();
            string? faultName = fault == FaultKind.None ? null : FaultInjector.NameOf(fault);
            void Record(int status, long bytes) => log.Record(service.Now, request.Path.Value ?? string.Empty, range, conditional, status, bytes, faultName);

            if (fault == FaultKind.Http500)
            {
                Record(StatusCodes.Status500InternalServerError, 0);
                await ApiResponseWriter.WriteHttp500Async(context).ConfigureAwait(false);
                return;
            }

            var file = Find(context);
            if (file is null)
            {
                Record(StatusCodes.Status404NotFound, 0);
                response.StatusCode = StatusCodes.Status404NotFound;
                if (fault == FaultKind.Reset) context.Abort();
                return;
            }

            response.Headers.ETag = file.ETag;
            response.Headers.AcceptRanges = "bytes";
            response.Headers.CacheControl = "max-age=86400";
            if (conditional && MatchesAny(request.Headers.IfNoneMatch.ToString(), file.ETag))
            {
                Record(StatusCodes.Status304NotModified, 0);
                response.StatusCode = StatusCodes.Status304NotModified;
                if (fault == FaultKind.Reset) context.Abort();
                return;
            }

            long start = 0, length = file.Bytes.Length;
            if (range != null)
            {
                if (!TryParseRange(range, file.Bytes.Length, out start, out length))
                {
                    Record(StatusCodes.Status416RangeNotSatisfiable, 0);
                    response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                    response.Headers.ContentRange = "bytes */" + file.Bytes.Length.ToString(CultureInfo.InvariantCulture);
                    return;
                }

                response.StatusCode = StatusCodes.Status206PartialContent;
                response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{start + length - 1}/{file.Bytes.Length}");
            }

            Record(response.StatusCode, length);
            response.ContentType = file.ContentType;
            response.ContentLength = length;
            if (HttpMethods.IsHead(request.Method)) return;

            var body = file.Bytes.AsMemory((int)start, (int)length);
            try
            {
                await WriteAsync(context, body, fault).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client went away mid-body: what a downloader under test is allowed to do.
            }
        }

        /// <summary>The rendered file the route names, or null when no finished sprite has it.</summary>
        private RenderedFile? Find(HttpContext context)
        {
            var values = context.Request.RouteValues;
            string fileId = Convert.ToString(values["fileId"], CultureInfo.InvariantCulture) ?? string.Empty;
            string name = Convert.ToString(values["name"], CultureInfo.InvariantCulture) ?? string.Empty;
            if (!int.TryParse(Convert.ToString(values["definition"], CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out int definition)) return null;

            service.PublishDueEvents();
            if (!service.Tasks.FinishedSprites(service.Now).TryGetValue(fileId, out var sprites) || !sprites.TryGetValue(definition, out var task)) return null;
            var layout = task.Result.Layout!;
            if (name == SpriteUrls.WebVttName)
            {
                return cache.GetOrRender(task.VodTaskId + "/vtt", () => RenderedFile.Of(SpriteRenderer.WebVtt(layout), "text/vtt; charset=utf-8"));
            }

            int sheet = SpriteUrls.ParseSheetName(name, layout.Format);
            if (sheet < 1 || sheet > layout.SheetCount) return null;
            return cache.GetOrRender(task.VodTaskId + "/" + sheet.ToString(CultureInfo.InvariantCulture),
                () => RenderedFile.Of(SheetPadding.Pad(SpriteRenderer.Sheet(layout, sheet - 1), layout.Format, sheetPaddingBytes), SpriteRenderer.ContentType(layout.Format)));
        }

        private async Task WriteAsync(HttpContext context, ReadOnlyMemory<byte> body, FaultKind fault)
        {
            var stream = context.Response.Body;
            var aborted = context.RequestAborted;
            if (fault is not (FaultKind.Reset or FaultKind.Slow))
            {
                await stream.WriteAsync(body, aborted).ConfigureAwait(false);
                return;
            }

            int half = body.Length / 2;
            await stream.WriteAsync(body[..half], aborted).ConfigureAwait(false);
            await stream.FlushAsync(aborted).ConfigureAwait(false);
            if (fault == FaultKind.Reset)
            {
                context.Abort();
                return;
            }

            await Task.Delay(slowDelay, aborted).ConfigureAwait(false);
            await stream.WriteAsync(body[half..], aborted).ConfigureAwait(false);
        }

        private static bool MatchesAny(string ifNoneMatch, string etag)
        {
            foreach (string candidate in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (candidate == "*" || candidate == etag || candidate == "W/" + etag) return true;
            }

            return false;
        }

        /// <summary>One range: <c>bytes=a-b</c>, <c>bytes=a-</c> or <c>bytes=-n</c>; anything else (several ranges too) is refused.</summary>
        private static bool TryParseRange(string header, long size, out long start, out long length)
        {
            start = length = 0;
            if (!RangeHeaderValue.TryParse(header, out var parsed) || parsed.Unit != "bytes" || parsed.Ranges.Count != 1) return false;
            var item = System.Linq.Enumerable.First(parsed.Ranges);
            if (item.From is { } from)
            {
                long to = Math.Min(item.To ?? size - 1, size - 1);
                if (from >= size || to < from) return false;
                (start, length) = (from, to - from + 1);
                return true;
            }

            if (item.To is not { } suffix || suffix <= 0) return false;
            length = Math.Min(suffix, size);
            start = size - length;
            return true;
        }
    }
}
