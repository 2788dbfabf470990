using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace VodPowerShell.Benchmarks
{
    /// <summary>
    /// Runs every benchmark with a short in-process job (about a minute in all), prints one compact table with
    /// each figure beside its target, and with <c>--json PATH</c> writes the figures for Invoke-Benchmarks.ps1.
    /// <c>load --endpoint URL</c> measures the emulator instead (<see cref="EmulatorLoad"/>).
    /// </summary>
    public static class Program
    {
        /// <summary>What each figure should reach: mean time (ns) and bytes allocated per call; null = reported only.</summary>
        private static readonly Dictionary<string, (double? MaxNs, long? MaxBytes, string Note)> Targets = new Dictionary<string, (double?, long?, string)>
        {
            ["NaiveV2Signature"] = (null, null, "baseline: LINQ + string.Join + new HMAC per call"),
            ["V2StringToSign"] = (1000, null, "sorted name=value string"),
            ["V2HmacBase64"] = (1000, null, "HMAC-SHA256 + Base64 of the string to sign"),
            ["V2SignParameters"] = (1200, 112, "string to sign + HMAC + Base64; one allocation, the result string (112 B)"),
            ["V2TransportSign"] = (2000, null, "whole V2Transport.Sign: common params, nonce, GET/POST, signature"),
            ["Tc3Authorize"] = (6000, null, "TC3-HMAC-SHA256: HMAC with the (kept) derived key + 2 SHA-256"),
            ["PercentEncodeUnreserved"] = (50, 0, "fileId, nothing to escape: no allocation"),
            ["PercentEncodeSignature"] = (300, 200, "Base64 signature with + / ="),
            ["ParseCreateImageSprite"] = (1000, null, "ApiResponse.Parse + vodTaskId"),
            ["SharedQuotaPermit"] = (100_000, null, "permit taken and handed back through the state file: 2 locks; 1% of a core at 100/s"),
            ["LocalQuotaPermit"] = (null, null, "baseline: the same with the count in memory"),
        };

        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "load") return EmulatorLoad.RunAsync(args).GetAwaiter().GetResult();

            string? jsonPath = ArgumentAfter(args, "--json");
            string artifacts = ArgumentAfter(args, "--artifacts") ?? Path.Combine(Path.GetTempPath(), "VodPowerShell.Benchmarks");

            // In-process: no generated project to build, so the suite stays short; the log goes to the artifacts folder.
            IConfig config = ManualConfig.CreateEmpty()
                .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumnProvider(DefaultColumnProviders.Instance)
                .AddLogger(NullLogger.Instance)
                .WithArtifactsPath(artifacts)
                .WithOptions(ConfigOptions.DisableLogFile);

            var summaries = new[]
            {
                BenchmarkRunner.Run<SigningBenchmarks>(config),
                BenchmarkRunner.Run<EncodingBenchmarks>(config),
                BenchmarkRunner.Run<ParsingBenchmarks>(config),
                BenchmarkRunner.Run<QuotaBenchmarks>(config),
            };

            // The targets are the net8.0 build's (the one PowerShell 7 loads); the netstandard2.0 build's figures are
            // reported beside them, measured on the same .NET (Windows PowerShell's .NET Framework is not measured).
            string framework = CoreFramework();
            bool targeted = framework.StartsWith(".NETCoreApp", StringComparison.Ordinal);
            var rows = summaries.SelectMany(s => s.Reports.Select(r => ToRow(r, framework, targeted))).ToList();
            PrintTable(rows);
            if (jsonPath != null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
                File.WriteAllText(jsonPath, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
            }

            return rows.Count == Targets.Count && rows.All(r => r.MeanNs > 0) ? 0 : 1;
        }

        public sealed record Row(string Name, string Framework, double MeanNs, long AllocatedBytes, double? TargetNs, long? TargetBytes, bool Met, string Note);

        /// <summary>The build of VodPowerShell.Core this process runs, e.g. ".NETCoreApp,Version=v8.0".</summary>
        private static string CoreFramework() =>
            typeof(VodPowerShell.Core.Signing.SigningKey).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName ?? "unknown";

        private static Row ToRow(BenchmarkReport report, string framework, bool targeted)
        {
            string name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            double mean = report.ResultStatistics?.Mean ?? -1;
            long bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
            var (maxNs, maxBytes, note) = Targets.TryGetValue(name, out var target) && targeted ? target : (null, null, string.Empty);
            bool met = mean > 0 && (maxNs is null || mean <= maxNs) && (maxBytes is null || bytes <= maxBytes);
            return new Row(name, framework, mean, bytes, maxNs, maxBytes, met, note);
        }

        private static void PrintTable(IReadOnlyList<Row> rows)
        {
            Console.WriteLine($"VodPowerShell.Core build: {rows.FirstOrDefault()?.Framework}");
            Console.WriteLine($"{"Benchmark",-24} {"Mean",10} {"Alloc",8}   {"Target",-22} Met");
            foreach (var row in rows)
            {
                string target = (row.TargetNs is double ns ? $"<= {Time(ns)}" : "-") + (row.TargetBytes is long b ? $", <= {b} B" : string.Empty);
                string met = row.TargetNs is null && row.TargetBytes is null ? "(reported)" : row.Met ? "yes" : "NO";
                Console.WriteLine($"{row.Name,-24} {Time(row.MeanNs),10} {row.AllocatedBytes + " B",8}   {target,-22} {met}");
            }
        }

        private static string Time(double ns) =>
            ns >= 1000 ? (ns / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " us" : ns.ToString("0.0", CultureInfo.InvariantCulture) + " ns";

        internal static string? ArgumentAfter(string[] args, string name)
        {
            int index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }
    }
}
