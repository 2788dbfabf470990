namespace VodPowerShell.Core.Models
{
    /// <summary>What happened to one fileId handed to New-VodImageSprite.</summary>
    public enum SubmissionStatus
    {
        /// <summary>The service accepted it and returned a task id.</summary>
        Submitted,

        /// <summary>The service or the network refused it; Code, Message and ErrorId say why.</summary>
        Failed,

        /// <summary>Not sent: it already has a task (journal) or -WhatIf.</summary>
        Skipped,

        /// <summary>Sent, but the answer was lost and could not be reconciled: check before resubmitting.</summary>
        Unknown,
    }
}
