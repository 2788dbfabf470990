namespace VodPowerShell.Emulator.Domain
{
    /// <summary>Why an operation failed, independent of any wire format; each front end maps it to its own codes.</summary>
    public enum DomainErrorKind
    {
        InvalidParameter,
        DefinitionNotFound,
        FileNotFound,
        FileNotReady,
        TaskNotFound,
        EventHandleInvalid,
        DuplicateSession,
    }

    public sealed record DomainError(DomainErrorKind Kind, string Message);

    /// <summary>A value or the reason there is none; cheaper than exceptions for expected failures.</summary>
    public readonly struct Outcome<T>
    {
        private Outcome(T? value, DomainError? error)
        {
            Value = value;
            Error = error;
        }

        public T? Value { get; }

        public DomainError? Error { get; }

        public static implicit operator Outcome<T>(T value) => new(value, null);

        public static implicit operator Outcome<T>(DomainError error) => new(default, error);
    }
}
