using BenchmarkDotNet.Attributes;
using VodPowerShell.Core.Signing;

namespace VodPowerShell.Benchmarks
{
    /// <summary>RFC 3986 encoding of typical values: a plain fileId (nothing to escape) and a Base64 signature.</summary>
    [MemoryDiagnoser]
    public class EncodingBenchmarks
    {
        [Benchmark]
        public string PercentEncodeUnreserved() => PercentEncoding.Encode("5285890781763144364");

        [Benchmark]
        public string PercentEncodeSignature() => PercentEncoding.Encode("q9Vk+2N/l0c3m4Yb8c1PZ0hX2cO5mE3yJ7k4lT6h8s0=");
    }
}
