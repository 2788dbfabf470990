using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
using VodPowerShell.Core.Protocol.V2;

namespace VodPowerShell.Benchmarks
{
    /// <summary>
    /// How many requests a second the emulator sustains on loopback: a few concurrent keep-alive loops
    /// through Core's V2Api (signed CreateImageSprite), and the same loops on the unsigned health page as the
    /// HTTP stack's own ceiling. Usage: load --endpoint URL [--seconds 5] [--concurrency 16] [--json PATH]
    /// </summary>
    internal static class EmulatorLoad
    {
        public sealed record Result(double SignedPerSecond, long SignedErrors, double HealthPerSecond, int Concurrency, double Seconds);

        public static async Task<int> RunAsync(string[] args)
        {
            var endpoint = new Uri(Program.ArgumentAfter(args, "--endpoint") ?? throw new ArgumentException("load needs --endpoint URL"));
            double seconds = double.Parse(Program.ArgumentAfter(args, "--seconds") ?? "5", CultureInfo.InvariantCulture);
            int concurrency = int.Parse(Program.ArgumentAfter(args, "--concurrency") ?? "16", CultureInfo.InvariantCulture);
            string? jsonPath = Program.ArgumentAfter(args, "--json");

            using HttpClient http = VodHttp.CreateClient();
            var credential = new VodCredential(Fixtures.SecretId, new NetworkCredential(string.Empty, Fixtures.SecretKey).SecurePassword);
            using var api = new V2Api(new TransportOptions(VodEndpoint.Create(endpoint)), credential, http);
            var health = new Uri(endpoint, "/_emulator/health");

            int fileNumber = 0;
            var signed = await MeasureAsync(concurrency, seconds, async () =>
            {
                string fileId = "bench-" + Interlocked.Increment(ref fileNumber).ToString(CultureInfo.InvariantCulture);
                return (await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest(fileId, 10), CancellationToken.None).ConfigureAwait(false)).IsSuccess;
            }).ConfigureAwait(false);
            var unsigned = await MeasureAsync(concurrency, seconds, async () =>
            {
                using var response = await http.GetAsync(health).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                return response.IsSuccessStatusCode;
            }).ConfigureAwait(false);

            var result = new Result(signed.PerSecond, signed.Errors, unsigned.PerSecond, concurrency, seconds);
            Console.WriteLine($"emulator: {result.SignedPerSecond:0} signed CreateImageSprite/s ({result.SignedErrors} errors), {result.HealthPerSecond:0} health GET/s, {concurrency} loops");
            if (jsonPath != null) File.WriteAllText(jsonPath, JsonSerializer.Serialize(result));
            return signed.Errors == 0 ? 0 : 1;
        }

        /// <summary>Runs <paramref name="concurrency"/> loops of <paramref name="call"/> for the given time after a short warm-up.</summary>
        private static async Task<(double PerSecond, long Errors)> MeasureAsync(int concurrency, double seconds, Func<Task<bool>> call)
        {
            for (int i = 0; i < concurrency; i++) await call().ConfigureAwait(false);

            long completed = 0, errors = 0;
            var clock = Stopwatch.StartNew();
            var deadline = TimeSpan.FromSeconds(seconds);
            var loops = new Task[concurrency];
            for (int i = 0; i < concurrency; i++)
            {
                loops[i] = Task.Run(async () =>
                {
                    while (clock.Elapsed < deadline)
                    {
                        if (!await call().ConfigureAwait(false)) Interlocked.Increment(ref errors);
                        Interlocked.Increment(ref completed);
                    }
                });
            }

            await Task.WhenAll(loops).ConfigureAwait(false);
            return (completed / clock.Elapsed.TotalSeconds, errors);
        }
    }
}
