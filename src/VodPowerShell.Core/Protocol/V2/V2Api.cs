using System;
using System.Collections.Generic;
using System.Globalization;
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

namespace VodPowerShell.Core.Protocol.V2
{
    /// <summary>The module's operations over the legacy v2 API (docs/protocol.md §5.1–5.5).</summary>
    public sealed class V2Api : IVodApi
    {
        private readonly V2Transport transport;

        public V2Api(TransportOptions options, VodCredential credential, HttpClient? http = null) =>
            transport = new V2Transport(options, credential, http);

        public ApiVersion Version => ApiVersion.V2;

        public VodEndpoint Endpoint => transport.Endpoint;

        /// <summary>v2 has no sub-applications.</summary>
        public ulong? SubAppId => null;

        public async Task<ApiOutcome<string>> CreateImageSpriteAsync(string fileId, int definition, CancellationToken cancellationToken, string? sessionId = null)
        {
            var response = await transport.SendAsync(new ApiRequest(WireNames.CreateImageSprite, new RequestParameters(2)
                .Add(WireNames.FileId, fileId)
                .Add(WireNames.Definition, definition.ToString(CultureInfo.InvariantCulture)), idempotent: false), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess) return ApiOutcome<string>.Failure(response.Error!);

            string? taskId = response.GetString(WireNames.VodTaskId);
            if (string.IsNullOrEmpty(taskId)) return ApiOutcome<string>.Failure(ResponseBody.AcceptedWithoutTaskId(WireNames.VodTaskId, response.HttpStatus));

            return Succeeded(response, taskId!);
        }

        public async Task<ApiOutcome<VodTask>> GetTaskAsync(string taskId, CancellationToken cancellationToken)
        {
            var response = await transport.SendAsync(new ApiRequest(WireNames.GetTaskInfo, new RequestParameters(1)
                .Add(WireNames.VodTaskId, taskId)), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess) return ApiOutcome<VodTask>.Failure(response.Error!);

            var task = ReadTask(response.Body, taskId);
            if (JsonRead.Object(response.Body, "data") is JsonElement data) EventParser.ReadV2Sprite(data, task);
            task.TaskId ??= taskId;
            return Succeeded(response, task);
        }

        public async Task<ApiOutcome<TaskPage>> ListTasksAsync(VodTaskStatus status, string? fileId, int maxCount, string? next, CancellationToken cancellationToken)
        {
            var parameters = new RequestParameters(4)
                .Add(WireNames.Status, TaskStatusText.ToWire(status))
                .Add(WireNames.MaxCount, Math.Max(10, Math.Min(100, maxCount)).ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(fileId)) parameters.Add(WireNames.FileId, fileId!);
            if (!string.IsNullOrEmpty(next)) parameters.Add(WireNames.Next, next!);

            var response = await transport.SendAsync(new ApiRequest(WireNames.GetTaskList, parameters), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess) return ApiOutcome<TaskPage>.Failure(response.Error!);

            var tasks = new List<VodTask>();
            JsonElement data = JsonRead.Object(response.Body, "data") ?? default;
            foreach (var item in JsonRead.Array(data, "taskList"))
            {
                var task = ReadTask(item, JsonRead.String(item, WireNames.VodTaskId));
                task.FileId ??= fileId;
                tasks.Add(task);
            }

            return Succeeded(response, new TaskPage(tasks, JsonRead.String(data, "next")));
        }

        public async Task<ApiOutcome<IReadOnlyList<VodEvent>>> PullEventsAsync(CancellationToken cancellationToken)
        {
            var response = await transport.SendAsync(new ApiRequest(WireNames.PullEvent), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess) return ApiOutcome<IReadOnlyList<VodEvent>>.Failure(response.Error!);

            // Tencent does not show an empty answer (docs/protocol.md §5.4): eventList may be missing or [].
            var events = new List<VodEvent>();
            foreach (var item in JsonRead.Array(response.Body, "eventList"))
            {
                string? handle = JsonRead.String(item, "msgHandle");
                if (item.TryGetProperty("eventContent", out var content))
                {
                    events.Add(content.ValueKind == JsonValueKind.String ? EventParser.Parse(content.GetString()!, handle) : EventParser.Parse(content, handle));
                }
            }

            return Succeeded<IReadOnlyList<VodEvent>>(response, events);
        }

        public async Task<ApiOutcome<int>> ConfirmEventsAsync(IReadOnlyList<string> eventHandles, CancellationToken cancellationToken)
        {
            // The Chinese page numbers handles from 0 (docs/protocol.md §5.5).
            var parameters = new RequestParameters(eventHandles.Count);
            for (int i = 0; i < eventHandles.Count; i++)
            {
                parameters.Add(WireNames.MsgHandle + "." + i.ToString(CultureInfo.InvariantCulture), eventHandles[i]);
            }

            var response = await transport.SendAsync(new ApiRequest(WireNames.ConfirmEvent, parameters), cancellationToken).ConfigureAwait(false);
            return response.IsSuccess ? Succeeded(response, eventHandles.Count) : ApiOutcome<int>.Failure(response.Error!);
        }

        public async Task<ApiOutcome<JsonElement>> InvokeAsync(string action, IReadOnlyList<KeyValuePair<string, object?>> parameters, CancellationToken cancellationToken)
        {
            GenericParameters.Validate(parameters);
            var response = await transport.SendAsync(new ApiRequest(action, GenericParameters.ToV2(parameters), idempotent: false), cancellationToken).ConfigureAwait(false);
            return response.IsSuccess ? Succeeded(response, response.Body) : ApiOutcome<JsonElement>.Failure(response.Error!);
        }

        public async Task<ApiOutcome<TResult>> SendOperationAsync<TRequest, TResult>(VodOperation<TRequest, TResult> operation, TRequest request, CancellationToken cancellationToken)
        {
            if (operation.V2Action is null) return ApiOutcome<TResult>.Failure(OperationErrors.NotInVersion(operation.Name, Version));
            var parameters = new RequestParameters();
            operation.WriteV2(parameters, request);
            var response = await transport.SendAsync(new ApiRequest(operation.V2Action, parameters, operation.IsIdempotent), cancellationToken).ConfigureAwait(false);
            return response.IsSuccess ? Succeeded(response, operation.Read(response.Body, new ResponseContext(Endpoint.ToString(), null))) : ApiOutcome<TResult>.Failure(response.Error!);
        }

        public void Dispose() => transport.Dispose();

        private static ApiOutcome<T> Succeeded<T>(ApiResponse response, T value) =>
            ApiOutcome<T>.Success(value, response.Code, response.Message, response.CodeDesc, httpStatus: response.HttpStatus);

        /// <summary>The task envelope of GetTaskInfo and of each GetTaskList item (docs/protocol.md §5.2, §5.3).</summary>
        private VodTask ReadTask(JsonElement item, string? taskId) => new VodTask
        {
            TaskId = taskId,
            TaskType = JsonRead.String(item, "type"),
            Status = TaskStatusText.Parse(JsonRead.String(item, "status")),
            CreateTime = JsonRead.UnixTime(item, "createTime"),
            BeginProcessTime = JsonRead.UnixTime(item, "beginProcessTime"),
            FinishTime = JsonRead.UnixTime(item, "finishTime"),
            Endpoint = Endpoint.ToString(),
        };
    }
}
