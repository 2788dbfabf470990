using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// The API 3.0 actions: each reads its JSON fields, calls <see cref="VodService"/> and writes the answer. A
    /// missing field is MissingParameter, a field of the wrong JSON type InvalidParameter, a well-formed value the
    /// service rejects an InvalidParameterValue.* code (docs/protocol.md §7.3).
    /// </summary>
    public sealed class V3Actions
    {
        /// <summary>DescribeTasks' Limit when none is given, and its documented range.</summary>
        private const int DefaultLimit = 10;

        /// <summary>ConfirmEvents takes at most 16 handles ("数组长度限制：16").</summary>
        public const int MaxEventHandles = 16;

        private readonly VodService service;
        private readonly TimeSpan longPoll;
        private readonly Dictionary<string, Func<JsonElement, CancellationToken, ValueTask<V3Reply>>> handlers;

        public V3Actions(VodService service, TimeSpan longPoll)
        {
            this.service = service;
            this.longPoll = longPoll;
            var media = new V3MediaActions(service);
            var templates = new V3TemplateActions(service);
            handlers = new(StringComparer.Ordinal)
            {
                [V3Names.ProcessMedia] = (body, _) => new(ProcessMedia(body)),
                [V3Names.DescribeTaskDetail] = (body, _) => new(DescribeTaskDetail(body)),
                [V3Names.DescribeTasks] = (body, _) => new(DescribeTasks(body)),
                [V3Names.PullEvents] = (_, ct) => PullEventsAsync(ct),
                [V3Names.ConfirmEvents] = (body, _) => new(ConfirmEvents(body)),
                [V3Names.SearchMedia] = (body, _) => new(media.SearchMedia(body)),
                [V3Names.DescribeMediaInfos] = (body, _) => new(media.DescribeMediaInfos(body)),
                [V3Names.DescribeImageSpriteTemplates] = (body, _) => new(templates.Describe(body)),
                [V3Names.CreateImageSpriteTemplate] = (body, _) => new(templates.Create(body)),
                [V3Names.ModifyImageSpriteTemplate] = (body, _) => new(templates.Modify(body)),
                [V3Names.DeleteImageSpriteTemplate] = (body, _) => new(templates.Delete(body)),
            };
        }

        /// <summary>Unknown action first, then version, then the body: a body is only meaningful to a known action.</summary>
        public ValueTask<V3Reply> InvokeAsync(string action, string version, JsonElement? body, CancellationToken cancellationToken)
        {
            if (!handlers.TryGetValue(action, out var handler)) return new(V3Reply.Error(V3ErrorCodes.InvalidAction, $"The action '{action}' does not exist."));
            if (version != V3Names.Version) return new(V3Reply.Error(V3ErrorCodes.NoSuchVersion, $"The version '{version}' does not exist; VOD is {V3Names.Version}."));
            if (body is not { ValueKind: JsonValueKind.Object } fields) return new(V3Reply.InvalidParameter("body (a JSON object)"));
            return handler(fields, cancellationToken);
        }

        private V3Reply ProcessMedia(JsonElement body)
        {
            if (ReadString(body, V3Names.FileId, out string? fileId) is { } fileIdError) return fileIdError;
            if (string.IsNullOrEmpty(fileId)) return V3Reply.MissingParameter(V3Names.FileId);
            if (ReadString(body, V3Names.SessionId, out string? sessionId) is { } sessionError) return sessionError;
            if (sessionId?.Length > SessionIds.MaxLength)
            {
                return V3Reply.Error(V3ErrorCodes.SessionIdTooLong, $"SessionId is longer than {SessionIds.MaxLength} characters.");
            }

            if (!body.TryGetProperty(V3Names.MediaProcessTask, out var task) || task.ValueKind == JsonValueKind.Null) return V3Reply.MissingParameter(V3Names.MediaProcessTask);
            if (task.ValueKind != JsonValueKind.Object) return V3Reply.InvalidParameter(V3Names.MediaProcessTask);

            // Only image sprites are emulated, one per request: that is all the module asks for.
            string spritePath = V3Names.MediaProcessTask + "." + V3Names.ImageSpriteTaskSet;
            if (!task.TryGetProperty(V3Names.ImageSpriteTaskSet, out var sprites) || sprites.ValueKind != JsonValueKind.Array || sprites.GetArrayLength() != 1)
            {
                return V3Reply.Error(V3ErrorCodes.InvalidParameterValue, $"The emulator needs exactly one item in {spritePath}.");
            }

            string definitionPath = spritePath + ".0." + V3Names.Definition;
            var item = sprites[0];
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(V3Names.Definition, out var definitionValue)) return V3Reply.MissingParameter(definitionPath);
            if (definitionValue.ValueKind != JsonValueKind.Number || !definitionValue.TryGetInt32(out int definition)) return V3Reply.InvalidParameter(definitionPath);

            var outcome = service.CreateImageSprite(fileId, definition, SpriteTaskOrigin.MediaProcessing, sessionId);
            if (outcome.Error != null) return Failed(outcome.Error);
            string taskId = outcome.Value!.VodTaskId;
            return V3Reply.Success(taskId, static (json, id) => json.WriteString(V3Names.TaskId, id), taskId);
        }

        private V3Reply DescribeTaskDetail(JsonElement body)
        {
            if (ReadString(body, V3Names.TaskId, out string? taskId) is { } error) return error;
            if (string.IsNullOrEmpty(taskId)) return V3Reply.MissingParameter(V3Names.TaskId);
            var outcome = service.GetTask(taskId);
            if (outcome.Error != null) return Failed(outcome.Error);
            return V3Reply.Success((outcome.Value!, service.Now), static (json, state) => V3TaskJson.WriteDetail(json, state.Item1, state.Now));
        }

        private V3Reply DescribeTasks(JsonElement body)
        {
            if (ReadString(body, V3Names.Status, out string? statusText) is { } statusError) return statusError;
            if (ReadString(body, V3Names.FileId, out string? fileId) is { } fileIdError) return fileIdError;
            if (ReadString(body, V3Names.ScrollToken, out string? scrollToken) is { } tokenError) return tokenError;

            SpriteTaskStatus? status = null;
            if (!string.IsNullOrEmpty(statusText))
            {
                if (!TryParseStatus(statusText, out var parsed)) return V3Reply.Error(V3ErrorCodes.InvalidParameterValue, $"Status must be WAITING, PROCESSING or FINISH, not '{statusText}'.");
                status = parsed;
            }

            int limit = DefaultLimit;
            if (body.TryGetProperty(V3Names.Limit, out var limitValue) && limitValue.ValueKind != JsonValueKind.Null)
            {
                if (limitValue.ValueKind != JsonValueKind.Number || !limitValue.TryGetInt32(out limit)) return V3Reply.InvalidParameter(V3Names.Limit);
                if (limit < 1 || limit > VodService.MaxListCount) return V3Reply.Error(V3ErrorCodes.InvalidLimit, $"Limit must be between 1 and {VodService.MaxListCount}.");
            }

            var outcome = service.ListTasks(status, string.IsNullOrEmpty(fileId) ? null : fileId, limit, scrollToken);
            if (outcome.Error != null) return Failed(outcome.Error);
            return V3Reply.Success((outcome.Value!, service.Now), static (json, state) =>
            {
                json.WriteStartArray("TaskSet");
                foreach (var task in state.Item1.Tasks) V3TaskJson.WriteListItem(json, task, state.Now);
                json.WriteEndArray();
                json.WriteString(V3Names.ScrollToken, state.Item1.Next);
            });
        }

        /// <summary>
        /// An empty queue answers <c>"EventSet":[]</c>: a success with nothing in it is the plainest reading of the
        /// docs, and the client reads it (like a ResourceNotFound error) as an empty pull.
        /// </summary>
        private async ValueTask<V3Reply> PullEventsAsync(CancellationToken cancellationToken)
        {
            var leased = await service.PullEventsAsync(longPoll, cancellationToken).ConfigureAwait(false);
            return V3Reply.Success((leased, service.Now), static (json, state) =>
            {
                json.WriteStartArray("EventSet");
                foreach (var item in state.leased) V3TaskJson.WriteEvent(json, item, state.Now);
                json.WriteEndArray();
            });
        }

        private V3Reply ConfirmEvents(JsonElement body)
        {
            if (!body.TryGetProperty(V3Names.EventHandles, out var array) || array.ValueKind == JsonValueKind.Null) return V3Reply.MissingParameter(V3Names.EventHandles);
            if (array.ValueKind != JsonValueKind.Array) return V3Reply.InvalidParameter(V3Names.EventHandles);
            int count = array.GetArrayLength();
            if (count == 0 || count > MaxEventHandles)
            {
                return V3Reply.Error(V3ErrorCodes.InvalidParameterValue, $"{V3Names.EventHandles} must hold 1 to {MaxEventHandles} handles, not {count}.");
            }

            var handles = new List<string>(count);
            foreach (var handle in array.EnumerateArray())
            {
                if (handle.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(handle.GetString())) return V3Reply.InvalidParameter(V3Names.EventHandles);
                handles.Add(handle.GetString()!);
            }

            var error = service.ConfirmEvents(handles);
            return error != null ? Failed(error) : V3Reply.Success(0, static (_, _) => { });
        }

        /// <summary>Null when the field is absent, null or a string (in <paramref name="value"/>); otherwise the error.</summary>
        private static V3Reply? ReadString(JsonElement body, string name, out string? value)
        {
            value = null;
            if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
            if (element.ValueKind != JsonValueKind.String) return V3Reply.InvalidParameter(name);
            value = element.GetString();
            return null;
        }

        /// <summary>The documented values are upper case; case is ignored, as the v2 front end does.</summary>
        private static bool TryParseStatus(string text, out SpriteTaskStatus status)
        {
            foreach (SpriteTaskStatus candidate in Enum.GetValues<SpriteTaskStatus>())
            {
                if (string.Equals(V3TaskJson.StatusName(candidate), text, StringComparison.OrdinalIgnoreCase))
                {
                    status = candidate;
                    return true;
                }
            }

            status = default;
            return false;
        }

        private static V3Reply Failed(DomainError error) => V3Reply.Error(V3ErrorCodes.For(error.Kind), error.Message);
    }
}
