using System;
using System.Collections.Generic;
using VodPowerShell.Core.Errors;

namespace VodPowerShell.Core.Models
{
    /// <summary>
    /// One row of New-VodImageSprite output: complete whether the file succeeded or not, so that
    /// <c>| Export-Csv</c> is a full report of the run.
    /// </summary>
    public sealed class ImageSpriteResult
    {
        public ImageSpriteResult(string fileId, int definition, string endpoint)
        {
            FileId = fileId;
            Definition = definition;
            Endpoint = endpoint;
        }

        public string FileId { get; }

        public int Definition { get; }

        public string? VodTaskId { get; internal set; }

        public SubmissionStatus Status { get; internal set; } = SubmissionStatus.Failed;

        /// <summary>The service's code: 0 on success, null when no answer was parsed.</summary>
        public int? Code { get; internal set; }

        public string? Message { get; internal set; }

        public string? CodeDesc { get; internal set; }

        /// <summary>Stable id of the failure (the ErrorRecord's ErrorId), null on success.</summary>
        public string? ErrorId { get; internal set; }

        public VodErrorCategory? ErrorCategory { get; internal set; }

        public int? HttpStatus { get; internal set; }

        public int Attempts { get; internal set; }

        /// <summary>With -Wait: the task's final state (null without -Wait, or when it had not finished in time).</summary>
        public VodTaskStatus? TaskStatus { get; private set; }

        /// <summary>With -Wait: 0 when the capture succeeded, else the task's error code.</summary>
        public int? TaskErrorCode { get; private set; }

        /// <summary>With -Wait: the number of thumbnails captured.</summary>
        public int? TotalCount { get; private set; }

        /// <summary>With -Wait: the sprite sheets.</summary>
        public IReadOnlyList<string>? ImageSpriteUrls { get; private set; }

        /// <summary>With -Wait: the WebVTT index of the thumbnails.</summary>
        public string? WebVttUrl { get; private set; }

        /// <summary>True when the answer was lost and the task id was found by looking the file's tasks up.</summary>
        public bool Reconciled { get; internal set; }

        /// <summary>API 3.0: the idempotency key (ProcessMedia's SessionId) the request carried; null on v2, which has none.</summary>
        public string? SessionId { get; internal set; }

        /// <summary>API 3.0's request id, for a support ticket; v2 has none.</summary>
        public string? RequestId { get; internal set; }

        public DateTimeOffset? SubmittedAt { get; internal set; }

        public string Endpoint { get; }

        /// <summary>The VOD sub-application the request went to (API 3.0 only).</summary>
        public ulong? SubAppId { get; internal set; }

        /// <summary>The failure behind a non-Submitted status, for the cmdlet's ErrorRecord; not part of the report.</summary>
        internal VodError? Error { get; set; }

        /// <summary><see cref="Error"/> for the cmdlet: a method, so that it stays out of <c>| Export-Csv</c>.</summary>
        public VodError? GetError() => Error;

        /// <summary>Copies what the finished (or last seen) task says, for New-VodImageSprite -Wait.</summary>
        public void AttachTask(VodTask task)
        {
            TaskStatus = task.Status;
            TaskErrorCode = task.ErrorCode;
            TotalCount = task.TotalCount;
            ImageSpriteUrls = task.ImageSpriteUrls;
            WebVttUrl = task.WebVttUrl;
        }

        /// <summary>A file that is not sent (it already has a task, or it repeats an earlier input).</summary>
        public static ImageSpriteResult Skipped(string fileId, int definition, string endpoint, string? vodTaskId, string message) =>
            new ImageSpriteResult(fileId, definition, endpoint) { Status = SubmissionStatus.Skipped, VodTaskId = vodTaskId, Message = message };

        public override string ToString() => $"{FileId} {Status} {VodTaskId ?? ErrorId}";

        internal void SetSucceeded(string? vodTaskId, int code, string? message, string? codeDesc, string? requestId, DateTimeOffset at)
        {
            RequestId = requestId;
            Status = SubmissionStatus.Submitted;
            VodTaskId = vodTaskId;
            Code = code;
            Message = message;
            CodeDesc = codeDesc;
            SubmittedAt = at;
            Error = null;
            ErrorId = null;
            ErrorCategory = null;
        }

        /// <summary>Sent, the answer lost, and the lookup could not tell whether a task was created.</summary>
        internal void SetUnknown(VodError error, string reason)
        {
            SetFailed(new VodError("SubmissionUnknown", VodErrorCategory.InvalidResult,
                $"{error.Message} The request may have been processed; {reason}. Check the file's tasks (Get-VodTask -Status … -FileId) before submitting it again.",
                RetryPolicy.Never, error.Code, error.CodeDesc, error.HttpStatus, isAmbiguous: true), RequestId);
            Status = SubmissionStatus.Unknown;
        }

        internal void SetFailed(VodError error, string? requestId)
        {
            RequestId = requestId;
            Status = SubmissionStatus.Failed;
            Error = error;
            ErrorId = error.ErrorId;
            ErrorCategory = error.Category;
            Code = error.Code;
            Message = error.Message;
            CodeDesc = error.CodeDesc;
            HttpStatus = error.HttpStatus;
        }
    }
}
