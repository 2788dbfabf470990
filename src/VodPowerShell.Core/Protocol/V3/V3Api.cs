using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Events;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Core.Protocol.V3
{
    /// <summary>The module's operations over API 3.0 (VOD 2018-07-17; docs/protocol.md §5.6–5.10).</summary>
    public sealed class V3Api : IVodApi
    {
        /// <summary>ConfirmEvents takes at most 16 handles ("数组长度限制：16"); PullEvents returns at most 16 events.</summary>
        public const int MaxEventHandlesPerConfirm = 16;

        /// <summary>DescribeTasks' Limit range.</summary>
        public const int MaxTasksPerPage = 100;

        /// <summary>
        /// PullEvents' only documented "not found" code. With nothing else to look up, it can only mean the
        /// queue had no event, so it is read as an empty pull rather than an error.
        /// </summary>
        public const string NoEventErrorCode = "ResourceNotFound";

        private readonly V3Transport transport;

        public V3Api(TransportOptions options, VodCredential credential, HttpClient? http = null) =>
            transport = new V3Transport(options, credential, http);

        public ApiVersion Version => ApiVersion.V3;

        public VodEndpoint Endpoint => transport.Endpoint;

        public ulong? SubAppId => transport.SubAppId;

        public async Task<ApiOutcome<string>> CreateImageSpriteAsync(string fileId, int definition, CancellationToken cancellationToken, string? sessionId = null)
        {
            var response = await SendAsync(V3WireNames.ProcessMedia, writer =>
            {
                writer.WriteString(V3WireNames.FileId, fileId);
                if (sessionId != null) writer.WriteString(V3WireNames.SessionId, sessionId);
                writer.WriteStartObject("MediaProcessTask");
                writer.WriteStartArray("ImageSpriteTaskSet");
                writer.WriteStartObject();
                writer.WriteNumber("Definition", definition);
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess) return Failed<string>(response);

            string? taskId = JsonRead.String(response.Body, V3WireNames.TaskId);
            if (string.IsNullOrEmpty(taskId)) return ApiOutcome<string>.Failure(ResponseBody.AcceptedWithoutTaskId(V3WireNames.TaskId, response.HttpStatus), response.RequestId);
            return Succeeded(response, taskId!);
        }

        public async Task<ApiOutcome<VodTask>> GetTaskAsync(string taskId, CancellationToken cancellationToken)
        {
            var response = await SendAsync(V3WireNames.DescribeTaskDetail, writer => writer.WriteString(V3WireNames.TaskId, taskId), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess) return Failed<VodTask>(response);

            var task = ReadTask(response.Body, taskId, VodTaskStatus.Processing);
            task.RequestId = response.RequestId;

            // ProcessMedia sprites report through the task flow; CreateImageSprite (2017) tasks through their own object.
            if (JsonRead.Object(response.Body, "ProcedureTask") is JsonElement procedure) EventParser.ReadV3Procedure(procedure, task);
            if (JsonRead.Object(response.Body, "CreateImageSpriteTask") is JsonElement legacy) EventParser.ReadV3Sprite(legacy, task);
            task.TaskId ??= taskId;
            return Succeeded(response, task);
        }

        public async Task<ApiOutcome<TaskPage>> ListTasksAsync(VodTaskStatus status, string? fileId, int maxCount, string? next, CancellationToken cancellationToken)
        {
            var response = await SendAsync(V3WireNames.DescribeTasks, writer =>
            {
                writer.WriteString("Status", TaskStatusText.ToWire(status));
                if (!string.IsNullOrEmpty(fileId)) writer.WriteString(V3WireNames.FileId, fileId);
                writer.WriteNumber("Limit", Math.Max(1, Math.Min(MaxTasksPerPage, maxCount)));
                if (!string.IsNullOrEmpty(next)) writer.WriteString("ScrollToken", next);
            }, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess) return Failed<TaskPage>(response);

            var tasks = new List<VodTask>();
            foreach (var item in JsonRead.Array(response.Body, "TaskSet"))
            {
                var task = ReadTask(item, JsonRead.String(item, V3WireNames.TaskId), status);
                task.FileId ??= fileId;
                tasks.Add(task);
            }

            return Succeeded(response, new TaskPage(tasks, JsonRead.String(response.Body, "ScrollToken")));
        }

        public async Task<ApiOutcome<IReadOnlyList<VodEvent>>> PullEventsAsync(CancellationToken cancellationToken)
        {
            var response = await SendAsync(V3WireNames.PullEvents, null, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                return response.ErrorCode == NoEventErrorCode
                    ? Succeeded<IReadOnlyList<VodEvent>>(response, Array.Empty<VodEvent>())
                    : Failed<IReadOnlyList<VodEvent>>(response);
            }

            // EventSet "may return null"; each item is an EventContent: EventHandle, EventType and its *Event object.
            var events = new List<VodEvent>();
            foreach (var item in JsonRead.Array(response.Body, "EventSet")) events.Add(EventParser.Parse(item));
            return Succeeded<IReadOnlyList<VodEvent>>(response, events);
        }

        /// <summary>
        /// Refuses more than <see cref="MaxEventHandlesPerConfirm"/> handles before sending anything, with a
        /// <see cref="VodException"/> (InvalidArgument): the caller batches. An empty list confirms nothing and sends nothing.
        /// </summary>
        public async Task<ApiOutcome<int>> ConfirmEventsAsync(IReadOnlyList<string> eventHandles, CancellationToken cancellationToken)
        {
            if (eventHandles is null) throw new ArgumentNullException(nameof(eventHandles));
            if (eventHandles.Count > MaxEventHandlesPerConfirm)
            {
                throw new VodException(new VodError("TooManyEventHandles", VodErrorCategory.InvalidArgument,
                    $"ConfirmEvents takes at most {MaxEventHandlesPerConfirm} event handles; {eventHandles.Count} were given. Confirm them in batches.", RetryPolicy.Never));
            }

            if (eventHandles.Count == 0) return ApiOutcome<int>.Success(0, httpStatus: null);

            var response = await SendAsync(V3WireNames.ConfirmEvents, writer =>
            {
                writer.WriteStartArray("EventHandles");
                foreach (string handle in eventHandles) writer.WriteStringValue(handle);
                writer.WriteEndArray();
            }, cancellationToken).ConfigureAwait(false);
            return response.IsSuccess ? Succeeded(response, eventHandles.Count) : Failed<int>(response);
        }

        public void Dispose() => transport.Dispose();

        public async Task<ApiOutcome<JsonElement>> InvokeAsync(string action, IReadOnlyList<KeyValuePair<string, object?>> parameters, CancellationToken cancellationToken)
        {
            GenericParameters.Validate(parameters);
            var response = await SendAsync(action, writer => GenericParameters.WriteJson(writer, parameters), cancellationToken).ConfigureAwait(false);
            return response.IsSuccess ? Succeeded(response, response.Body) : Failed<JsonElement>(response);
        }

        public async Task<ApiOutcome<TResult>> SendOperationAsync<TRequest, TResult>(VodOperation<TRequest, TResult> operation, TRequest request, CancellationToken cancellationToken)
        {
            if (operation.V3Action is null) return ApiOutcome<TResult>.Failure(OperationErrors.NotInVersion(operation.Name, Version));
            var response = await SendAsync(operation.V3Action, writer => operation.WriteV3(writer, request), cancellationToken).ConfigureAwait(false);
            return response.IsSuccess ? Succeeded(response, operation.Read(response.Body, new ResponseContext(Endpoint.ToString(), SubAppId))) : Failed<TResult>(response);
        }

        private Task<V3Response> SendAsync(string action, Action<Utf8JsonWriter>? writeFields, CancellationToken cancellationToken) =>
            transport.SendAsync(V3Request.Create(action, SubAppId, writeFields), cancellationToken);

        private static ApiOutcome<T> Succeeded<T>(V3Response response, T value) =>
            ApiOutcome<T>.Success(value, message: null, requestId: response.RequestId, httpStatus: response.HttpStatus);

        private static ApiOutcome<T> Failed<T>(V3Response response) => ApiOutcome<T>.Failure(response.Error!, response.RequestId);

        /// <summary>
        /// The envelope of DescribeTaskDetail and of each DescribeTasks item. A list item may carry no Status of
        /// its own; it is then in the state the list was asked for.
        /// </summary>
        private VodTask ReadTask(JsonElement item, string? taskId, VodTaskStatus listedStatus) => new VodTask
        {
            TaskId = taskId,
            TaskType = JsonRead.String(item, "TaskType"),
            Status = JsonRead.String(item, "Status") is string text ? TaskStatusText.Parse(text) : listedStatus,
            CreateTime = JsonRead.IsoTime(item, "CreateTime"),
            BeginProcessTime = JsonRead.IsoTime(item, "BeginProcessTime"),
            FinishTime = JsonRead.IsoTime(item, "FinishTime"),
            Endpoint = Endpoint.ToString(),
            SubAppId = SubAppId,
        };
    }
}
