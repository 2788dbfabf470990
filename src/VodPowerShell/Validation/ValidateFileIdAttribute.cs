using System.Management.Automation;

namespace VodPowerShell.Validation
{
    /// <summary>
    /// Rejects, at binding time and before any request, a fileId that can only be a mistake: null, empty,
    /// whitespace only, or text that is not valid UTF-16 (it could not be sent as the same fileId).
    /// Anything else, however odd, is sent exactly as given.
    /// </summary>
    internal sealed class ValidateFileIdAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            object value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (value is string[] many)
            {
                foreach (string one in many) Check(one);
            }
            else
            {
                Check(value as string);
            }
        }

        private static void Check(string? fileId)
        {
            if (string.IsNullOrWhiteSpace(fileId))
            {
                throw new ValidationMetadataException("A fileId must not be null, empty or only white space.");
            }

            for (int i = 0; i < fileId!.Length; i++)
            {
                if (char.IsHighSurrogate(fileId[i]) && i + 1 < fileId.Length && char.IsLowSurrogate(fileId[i + 1])) { i++; continue; }
                if (char.IsSurrogate(fileId[i]))
                {
                    throw new ValidationMetadataException($"The fileId has an unpaired UTF-16 surrogate at position {i}; it cannot be sent as the same text.");
                }
            }
        }
    }
}
