using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using VodPowerShell.Emulator.Domain;
using VodPowerShell.Emulator.Hosting;
using VodPowerShell.Emulator.Tests.TestSupport;

namespace VodPowerShell.Emulator.Tests
{
    public class ProcessHostTests
    {
        private static readonly string EmulatorDll = Path.Combine(AppContext.BaseDirectory, "VodPowerShell.Emulator.dll");

        private static Process Start(params string[] args)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(EmulatorDll);
            foreach (string arg in args) start.ArgumentList.Add(arg);
            return Process.Start(start)!;
        }

        [Fact]
        public async Task TheProcessPrintsOneReadyLineServesAndExitsWhenStdinCloses()
        {
            using var process = Start("--port", "0", "--exit-on-stdin-close");
            try
            {
                string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
                Assert.Matches("^VodEmulator listening on http://127\\.0\\.0\\.1:[0-9]+$", line);
                var baseAddress = new Uri(line![Program.ReadyLinePrefix.Length..]);

                using var health = await TestEmulator.AdminClient.GetAsync(new Uri(baseAddress, "/_emulator/health"));
                Assert.True(health.IsSuccessStatusCode);

                process.StandardInput.Close();
                using var exit = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(exit.Token);
                Assert.Equal(0, process.ExitCode);
                Assert.Equal(string.Empty, await process.StandardOutput.ReadToEndAsync());
            }
            finally
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
        }

        [Fact]
        public async Task SigtermStopsItCleanly()
        {
            if (OperatingSystem.IsWindows()) return;
            using var process = Start();
            try
            {
                string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
                Assert.StartsWith(Program.ReadyLinePrefix, line, StringComparison.Ordinal);

                using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
                using var exit = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(exit.Token);
                Assert.Equal(0, process.ExitCode);
            }
            finally
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
        }

        [Fact]
        public async Task AStartFailureExitsWithCode1()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var process = Start("--port", emulator.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var exit = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(exit.Token);

            Assert.Equal(1, process.ExitCode);
            Assert.Equal(string.Empty, await process.StandardOutput.ReadToEndAsync());
        }

        [Fact]
        public async Task HelpListsEveryOptionWithItsDefault()
        {
            using var process = Start("--help");
            string help = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.Equal(0, process.ExitCode);
            Assert.Equal(CommandLine.HelpText(), help);
            foreach (string name in new[] { "--port", "--secret-id", "--token", "--quota-rate", "--media", "--task-failure-rate", "--callback-url", "--fault-kinds", "--slow-ms", "--exit-on-stdin-close" })
            {
                Assert.Contains(name, help, StringComparison.Ordinal);
            }
        }

        [Fact]
        public async Task AnUnknownOptionExitsWithCode2()
        {
            using var process = Start("--bogus");
            await process.WaitForExitAsync();
            Assert.Equal(2, process.ExitCode);
        }

        [Fact]
        public void OptionsParseIntoTheirSettings()
        {
            bool parsed = CommandLine.TryParse(
                ["--port", "5123", "--token", "t", "--quota-rate", "0", "--quota-window-ms", "500", "--task-waiting-ms", "1", "--task-processing-ms", "2",
                 "--task-failure-rate", "0.25", "--fault-rate", "0.5", "--fault-kinds", "reset, lost", "--fault-seed", "9", "--slow-ms", "10",
                 "--callback-url", "http://127.0.0.1:9/cb", "--long-poll-ms", "20", "--exit-on-stdin-close"],
                out var options, out bool help, out string? error);

            Assert.True(parsed, error);
            Assert.False(help);
            Assert.Equal((5123, "t", 0, 500.0, 0.25, 0.5, 9), (options.Port, options.Token, options.QuotaRate, options.QuotaWindow.TotalMilliseconds, options.TaskFailureRate, options.FaultRate, options.FaultSeed));
            Assert.Equal([FaultKind.Reset, FaultKind.Lost], options.FaultKinds);
            Assert.Equal(new Uri("http://127.0.0.1:9/cb"), options.CallbackUrl);
            Assert.True(options.ExitOnStdinClose);
        }

        [Theory]
        [InlineData("--port")]
        [InlineData("--fault-kinds", "meteor")]
        [InlineData("--quota-rate", "many")]
        public void BadArgumentsAreReported(params string[] args)
        {
            Assert.False(CommandLine.TryParse(args, out _, out _, out string? error));
            Assert.False(string.IsNullOrEmpty(error));
        }

        [Fact]
        public void TheReadmeTableMatchesTheCode()
        {
            string? directory = AppContext.BaseDirectory;
            while (directory != null && !File.Exists(Path.Combine(directory, "VodPowerShell.sln"))) directory = Path.GetDirectoryName(directory);
            Assert.NotNull(directory);
            string readme = File.ReadAllText(Path.Combine(directory!, "src", "VodPowerShell.Emulator", "README.md"));
            Assert.Contains(CommandLine.MarkdownTable(), readme.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }
    }
}
