namespace VodPowerShell.Emulator.Domain
{
    /// <summary>
    /// Which request started a sprite task. The real service keeps them apart: a CreateImageSprite task reports
    /// as its own task type, a ProcessMedia one as a task flow (docs/protocol.md §9.3), so each front end needs to know.
    /// </summary>
    public enum SpriteTaskOrigin
    {
        /// <summary>v2 CreateImageSprite: ids start with <c>CreateImageSprite-</c>.</summary>
        ImageSpriteAction,

        /// <summary>API 3.0 ProcessMedia: a task flow, ids contain <c>Procedure-</c>.</summary>
        MediaProcessing,
    }
}
