using System.Collections.Generic;

namespace VodPowerShell.Core.Models
{
    /// <summary>
    /// The preset templates (docs/protocol.md §5.11): only definition 10 is published. Custom templates made in the
    /// console have other numbers; the module sends any positive number and lets the service judge it.
    /// </summary>
    public static class SpriteTemplates
    {
        public static readonly IReadOnlyList<SpriteTemplate> Known = new[]
        {
            new SpriteTemplate(10, "JPG", 142, 80, 10, 10, 10),
        };
    }
}
