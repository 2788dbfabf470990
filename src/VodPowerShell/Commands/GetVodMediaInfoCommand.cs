using System.Collections.Generic;
using System.Management.Automation;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Gets media files' details, their sprites included (API 3.0 DescribeMediaInfos), up to 20 ids a call.
    /// Ids bind from the pipeline, as strings or as any object's FileId; an unknown id is a non-terminating error.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodMediaInfo")]
    [OutputType(typeof(VodMediaInfo))]
    public sealed class GetVodMediaInfoCommand : VodApiCmdlet
    {
        private readonly List<string> pending = new List<string>(MediaOperations.MaxFileIdsPerDescribe);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] FileId { get; set; } = System.Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (string id in FileId)
            {
                pending.Add(id);
                if (pending.Count == MediaOperations.MaxFileIdsPerDescribe) Describe();
            }
        }

        protected override void EndProcessing()
        {
            if (pending.Count > 0) Describe();
        }

        private void Describe()
        {
            var batch = pending.ToArray();
            pending.Clear();
            var outcome = Await(Client.SendAsync(MediaOperations.DescribeMediaInfos, batch, CancellationToken));
            if (!outcome.IsSuccess)
            {
                WriteVodError(outcome.Error!, batch);
                return;
            }

            foreach (var info in outcome.Value!.Found) WriteObject(info);
            foreach (string missing in outcome.Value.NotFound)
            {
                WriteVodError(new VodError("MediaNotFound", VodErrorCategory.ObjectNotFound,
                    $"No media file has the id '{missing}' (DescribeMediaInfos lists it as not existing).", RetryPolicy.Never), missing);
            }
        }
    }
}
