using BenchmarkDotNet.Attributes;
using VodPowerShell.Core.Protocol.V2;

namespace VodPowerShell.Benchmarks
{
    /// <summary>Reading the CreateImageSprite answer: envelope plus vodTaskId.</summary>
    [MemoryDiagnoser]
    public class ParsingBenchmarks
    {
        [Benchmark]
        public string? ParseCreateImageSprite() =>
            ApiResponse.Parse(200, Fixtures.CreateImageSpriteResponse).GetString(WireNames.VodTaskId);
    }
}
