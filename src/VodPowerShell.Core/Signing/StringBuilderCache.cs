using System;
using System.Text;

namespace VodPowerShell.Core.Signing
{
    /// <summary>
    /// One reusable StringBuilder per thread for strings built on every request (the string to sign, encoded
    /// values), so the hot path allocates only the strings it returns. Callers must not nest Acquire calls.
    /// </summary>
    internal static class StringBuilderCache
    {
        /// <summary>Larger builders (a 10 KB fileId) are not kept, so an odd request cannot pin memory per thread.</summary>
        private const int MaxCachedCapacity = 4096;

        [ThreadStatic]
        private static StringBuilder? cached;

        public static StringBuilder Acquire()
        {
            StringBuilder? builder = cached;
            if (builder is null) return new StringBuilder(256);
            cached = null;
            builder.Clear();
            return builder;
        }

        public static void Release(StringBuilder builder)
        {
            if (builder.Capacity <= MaxCachedCapacity) cached = builder;
        }

        public static string GetStringAndRelease(StringBuilder builder)
        {
            string value = builder.ToString();
            Release(builder);
            return value;
        }
    }
}
