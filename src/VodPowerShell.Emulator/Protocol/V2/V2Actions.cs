using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol.V2
{
    /// <summary>
    /// The v2 actions: each reads its parameters, calls <see cref="VodService"/> and writes the answer. A missing or
    /// malformed parameter is 4000 (the common "bad request"); a well-formed value the service rejects is the
    /// action's own code (1000, 10009, 70014).
    /// </summary>
    public sealed class V2Actions
    {
        public const string ImageSpriteTaskType = "imageSprite";
        private const int DefaultListCount = 10;

        /// <summary>GetTaskList's maxCount range is 10–100; API 3.0's Limit goes down to 1, so the minimum is v2's own.</summary>
        private const int MinListCount = 10;

        private readonly VodService service;
        private readonly TimeSpan longPoll;
        private readonly Dictionary<string, Func<V2Parameters, CancellationToken, ValueTask<V2Reply>>> handlers;

        public V2Actions(VodService service, TimeSpan longPoll)
        {
            this.service = service;
            this.longPoll = longPoll;
            handlers = new(StringComparer.Ordinal)
            {
                [V2Names.CreateImageSprite] = (p, _) => new(CreateImageSprite(p)),
                [V2Names.GetTaskInfo] = (p, _) => new(GetTaskInfo(p)),
                [V2Names.GetTaskList] = (p, _) => new(GetTaskList(p)),
                [V2Names.PullEvent] = (_, ct) => PullEventAsync(ct),
                [V2Names.ConfirmEvent] = (p, _) => new(ConfirmEvent(p)),
            };
        }

        public ValueTask<V2Reply> InvokeAsync(string action, V2Parameters parameters, CancellationToken cancellationToken) =>
            handlers.TryGetValue(action, out var handler)
                ? handler(parameters, cancellationToken)
                : new(V2Reply.Error(V2ErrorCodes.InvalidParameter, $"Unknown Action '{action}'."));

        private V2Reply CreateImageSprite(V2Parameters p)
        {
            string? fileId = p[V2Names.FileId];
            if (string.IsNullOrEmpty(fileId)) return V2Reply.MissingParameter(V2Names.FileId);
            if (!TryParseInt(p[V2Names.Definition], out int definition)) return V2Reply.MalformedParameter(V2Names.Definition);

            var outcome = service.CreateImageSprite(fileId, definition, SpriteTaskOrigin.ImageSpriteAction);
            if (outcome.Error != null) return Failed(outcome.Error);
            string taskId = outcome.Value!.VodTaskId;
            return V2Reply.Success(taskId, static (json, id) => json.WriteString("vodTaskId", id), taskId);
        }

        private V2Reply GetTaskInfo(V2Parameters p)
        {
            string? taskId = p[V2Names.VodTaskId];
            if (string.IsNullOrEmpty(taskId)) return V2Reply.MissingParameter(V2Names.VodTaskId);
            var outcome = service.GetTask(taskId);
            if (outcome.Error != null) return Failed(outcome.Error);
            return V2Reply.Success((outcome.Value!, service.Now), static (json, state) => WriteTaskInfo(json, state.Item1, state.Now));
        }

        private V2Reply GetTaskList(V2Parameters p)
        {
            if (!TryParseStatus(p[V2Names.Status], out var status)) return V2Reply.MalformedParameter(V2Names.Status);
            int maxCount = DefaultListCount;
            string? maxCountText = p[V2Names.MaxCount];
            if (!string.IsNullOrEmpty(maxCountText) && !TryParseInt(maxCountText, out maxCount)) return V2Reply.MalformedParameter(V2Names.MaxCount);
            if (maxCount < MinListCount || maxCount > VodService.MaxListCount)
            {
                return V2Reply.Error(V2ErrorCodes.InvalidArgument, $"maxCount must be between {MinListCount} and {VodService.MaxListCount}.");
            }

            string? fileId = p[V2Names.FileId];

            var outcome = service.ListTasks(status, string.IsNullOrEmpty(fileId) ? null : fileId, maxCount, p[V2Names.Next]);
            if (outcome.Error != null) return Failed(outcome.Error);
            return V2Reply.Success((outcome.Value!, status, service.Now), static (json, state) =>
            {
                json.WriteStartObject("data");
                json.WriteString("status", StatusName(state.status));
                json.WriteString("next", state.Item1.Next);
                json.WriteStartArray("taskList");
                foreach (var task in state.Item1.Tasks)
                {
                    json.WriteStartObject();
                    json.WriteString("vodTaskId", task.VodTaskId);
                    WriteTimes(json, task, state.Now);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            });
        }

        private async ValueTask<V2Reply> PullEventAsync(CancellationToken cancellationToken)
        {
            var leased = await service.PullEventsAsync(longPoll, cancellationToken).ConfigureAwait(false);

            // Tencent shows no empty answer (docs/protocol.md §5.4); an empty eventList is the reading clients handle most easily.
            return V2Reply.Success(leased, static (json, events) =>
            {
                json.WriteStartArray("eventList");
                foreach (var item in events)
                {
                    json.WriteStartObject();
                    json.WriteString("msgHandle", item.MsgHandle);
                    json.WritePropertyName("eventContent");
                    V2EventJson.WriteEvent(json, item.Event);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            });
        }

        private V2Reply ConfirmEvent(V2Parameters p)
        {
            // Any numeric suffix, from 0 or 1 (Tencent's pages disagree, docs/protocol.md §5.5); '_' is read as '.' as in signing.
            var handles = new List<string>();
            foreach (var pair in p.All)
            {
                string name = pair.Key.Replace('_', '.');
                if (name.StartsWith(V2Names.MsgHandlePrefix, StringComparison.Ordinal)
                    && TryParseInt(name[V2Names.MsgHandlePrefix.Length..], out _)
                    && pair.Value.Length > 0)
                {
                    handles.Add(pair.Value);
                }
            }

            if (handles.Count == 0) return V2Reply.MissingParameter(V2Names.MsgHandlePrefix + "N");
            var error = service.ConfirmEvents(handles);
            return error != null ? Failed(error) : V2Reply.Success(0, static (_, _) => { });
        }

        private static void WriteTaskInfo(Utf8JsonWriter json, SpriteTask task, DateTimeOffset now)
        {
            var status = task.StatusAt(now);
            json.WriteString("status", StatusName(status));
            WriteTimes(json, task, now);

            // data only once finished: docs/protocol.md §5.2: absent while WAITING, and gives no partial shape.
            if (status != SpriteTaskStatus.Finish) return;
            json.WritePropertyName("data");
            V2EventJson.WriteTaskData(json, task);
        }

        /// <summary>type, createTime, beginProcessTime (0 while queued) and finishTime (0 until finished).</summary>
        private static void WriteTimes(Utf8JsonWriter json, SpriteTask task, DateTimeOffset now)
        {
            var status = task.StatusAt(now);
            json.WriteString("type", ImageSpriteTaskType);
            json.WriteNumber("createTime", task.CreateTime.ToUnixTimeSeconds());
            json.WriteNumber("beginProcessTime", status == SpriteTaskStatus.Waiting ? 0 : task.BeginProcessTime.ToUnixTimeSeconds());
            json.WriteNumber("finishTime", status == SpriteTaskStatus.Finish ? task.FinishTime.ToUnixTimeSeconds() : 0);
        }

        private static string StatusName(SpriteTaskStatus status) => status switch
        {
            SpriteTaskStatus.Waiting => "WAITING",
            SpriteTaskStatus.Processing => "PROCESSING",
            _ => "FINISH",
        };

        /// <summary>The documented values are upper case; the doc's own example sends "Processing", so case is ignored.</summary>
        private static bool TryParseStatus(string? text, out SpriteTaskStatus status)
        {
            foreach (SpriteTaskStatus candidate in Enum.GetValues<SpriteTaskStatus>())
            {
                if (string.Equals(StatusName(candidate), text, StringComparison.OrdinalIgnoreCase))
                {
                    status = candidate;
                    return true;
                }
            }

            status = default;
            return false;
        }

        private static bool TryParseInt(string? text, out int value) =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        private static V2Reply Failed(DomainError error) => V2Reply.Error(V2ErrorCodes.For(error.Kind), error.Message);
    }
}
