using System.Globalization;

namespace VodPowerShell.Core.Operations
{
    /// <summary>
    /// The paging rule of the actions that page by Offset and report a TotalCount (SearchMedia,
    /// DescribeImageSpriteTemplates): a <see cref="PagedOperation{TRequest, TResult, TItem}"/> position is the next offset.
    /// </summary>
    internal static class OffsetPaging
    {
        /// <summary>
        /// The offset after a page of <paramref name="itemCount"/> items read from <paramref name="offset"/>, or null
        /// when that was the last page: an empty page, the total reached, or the action's <paramref name="window"/>.
        /// </summary>
        public static string? Next(int offset, int itemCount, long totalCount, long window = long.MaxValue)
        {
            long next = (long)offset + itemCount;
            return itemCount == 0 || next >= totalCount || next >= window ? null : next.ToString(CultureInfo.InvariantCulture);
        }

        public static int Parse(string position) => int.Parse(position, CultureInfo.InvariantCulture);
    }
}
