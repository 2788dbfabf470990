using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Tests.TestSupport;
using VodPowerShell.Core.Throttling;
using Xunit;

namespace VodPowerShell.Core.Tests.Throttling
{
    public class SharedQuotaGateTests
    {
        private const string SecretId = "AKIDSharedQuotaTest0000000000000000000";

        [Fact]
        public async Task TwoGatesOnOneStateFileShareThePermits()
        {
            using var root = new TempDirectory();
            string folder = root.Combine("quota");
            using var first = QuotaGate.Shared(3, TimeSpan.FromSeconds(60), folder, "host:1", SecretId);
            using var second = QuotaGate.Shared(3, TimeSpan.FromSeconds(60), folder, "host:1", SecretId);
            Assert.True(first.IsShared);

            var held = new[] { await first.WaitAsync(CancellationToken.None), await second.WaitAsync(CancellationToken.None), await first.WaitAsync(CancellationToken.None) };

            // Three out of three: the fourth waits, whichever gate asks (bounded by the cancellation).
            using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await second.WaitAsync(soon.Token));
            foreach (var permit in held) permit.Dispose();
        }

        [Fact]
        public async Task APermitComesBackAWindowAfterItsAnswerForEveryProcess()
        {
            using var root = new TempDirectory();
            string folder = root.Combine("quota");
            var window = TimeSpan.FromMilliseconds(300);
            using var first = QuotaGate.Shared(1, window, folder, "host:1", SecretId);
            using var second = QuotaGate.Shared(1, window, folder, "host:1", SecretId);

            var clock = Stopwatch.StartNew();
            (await first.WaitAsync(CancellationToken.None)).Dispose();
            TimeSpan answered = clock.Elapsed;
            using (await second.WaitAsync(CancellationToken.None))
            {
                Assert.True(clock.Elapsed - answered >= TimeSpan.FromMilliseconds(290), $"the next request left {(clock.Elapsed - answered).TotalMilliseconds} ms after the answer");
            }
        }

        [Fact]
        public async Task TheStateFileHoldsNoSecretAndItsNameIsAHash()
        {
            using var root = new TempDirectory();
            string folder = root.Combine("quota");
            using var gate = QuotaGate.Shared(5, TimeSpan.FromSeconds(60), folder, "vod.api.qcloud.com", SecretId);
            (await gate.WaitAsync(CancellationToken.None)).Dispose();

            string file = Assert.Single(Directory.GetFiles(folder));
            Assert.DoesNotContain(SecretId, Path.GetFileName(file));
            Assert.DoesNotContain("qcloud", Path.GetFileName(file));
            string bytes = System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(file));
            Assert.DoesNotContain("AKID", bytes);
            Assert.Equal(QuotaStateFolder.StateFile(folder, "VOD.api.qcloud.com", SecretId), file);
        }

        [UnixFact]
        public async Task TheFolderAndTheFileAreOwnerOnly()
        {
            using var root = new TempDirectory();
            string folder = root.Combine("quota");
            using var gate = QuotaGate.Shared(5, TimeSpan.FromSeconds(60), folder, "host:1", SecretId);
            (await gate.WaitAsync(CancellationToken.None)).Dispose();

            Assert.Equal(OwnerOnlyFiles.OwnerOnlyDirectoryMode, OwnerOnlyFiles.GetMode(folder));
            Assert.Equal(OwnerOnlyFiles.OwnerOnlyFileMode, OwnerOnlyFiles.GetMode(Directory.GetFiles(folder).Single()));
        }

        [UnixFact]
        public void AFolderOthersCanReadIsRefusedAndTheGateCountsThisProcessOnly()
        {
            using var root = new TempDirectory();
            if (OperatingSystem.IsWindows()) return;
            File.SetUnixFileMode(root.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
            string? warning = null;
            using var gate = QuotaGate.Shared(5, TimeSpan.FromSeconds(60), root.Path, "host:1", SecretId, w => warning = w);
            Assert.False(gate.IsShared);
            Assert.Contains("0700", warning);
        }

        [Fact]
        public void ARelativeFolderIsRefusedAndTheGateCountsThisProcessOnly()
        {
            string? warning = null;
            using var gate = QuotaGate.Shared(5, TimeSpan.FromSeconds(60), Path.Combine("VodPowerShell", "quota"), "host:1", SecretId, w => warning = w);
            Assert.False(gate.IsShared);
            Assert.Contains("not an absolute path", warning);
        }

        [Fact]
        public void TheDefaultFolderIsAbsolute()
        {
            string folder = QuotaStateFolder.Resolve(_ => null);
            Assert.True(Path.IsPathRooted(folder), folder);
            Assert.EndsWith(Path.Combine("VodPowerShell", "quota"), folder);
        }

        [Fact]
        public void SharingIsOnUnlessTheVariableTurnsItOff()
        {
            Assert.True(QuotaStateFolder.SharingEnabled(_ => null));
            Assert.True(QuotaStateFolder.SharingEnabled(_ => "1"));
            foreach (string off in new[] { "0", "off", "OFF", "false" }) Assert.False(QuotaStateFolder.SharingEnabled(_ => off));
            Assert.Equal("/x/q", QuotaStateFolder.Resolve(name => name == QuotaStateFolder.FolderVariable ? "/x/q" : null));
        }

        [Fact]
        public async Task AFileThatIsNotOursReadsAsNoPermitsOut()
        {
            using var root = new TempDirectory();
            string folder = root.Combine("quota");
            QuotaStateFolder.Prepare(folder);
            File.WriteAllText(QuotaStateFolder.StateFile(folder, "host:1", SecretId), "garbage that is not a ledger");
            using var gate = QuotaGate.Shared(1, TimeSpan.FromSeconds(60), folder, "host:1", SecretId);
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            (await gate.WaitAsync(bounded.Token)).Dispose();
        }

        /// <summary>
        /// A real child process takes every permit through the shared file and is killed while holding them; this
        /// process then gets them back, one window after it finds them (the requests may have been counted).
        /// </summary>
        [Fact]
        public async Task PermitsOfAProcessKilledWhileHoldingThemComeBack()
        {
            using var root = new TempDirectory();
            string folder = root.Combine("quota");
            var window = TimeSpan.FromMilliseconds(500);
            string core = typeof(QuotaGate).Assembly.Location;
            string script =
                $"Add-Type -LiteralPath '{core}'; " +
                $"$g = [VodPowerShell.Core.Throttling.QuotaGate]::Shared(3, [TimeSpan]::FromMilliseconds(500), '{folder}', 'host:1', '{SecretId}', $null); " +
                "$held = foreach ($i in 1..3) { $g.WaitAsync([Threading.CancellationToken]::None).AsTask().GetAwaiter().GetResult() }; " +
                "[Console]::Out.WriteLine('held'); [Console]::Out.Flush(); Start-Sleep -Seconds 120";
            using Process child = StartPwsh(script);
            try
            {
                var line = child.StandardOutput.ReadLineAsync();
                Assert.Same(line, await Task.WhenAny(line, Task.Delay(TimeSpan.FromSeconds(60))));
                Assert.Equal("held", await line);

                using var gate = QuotaGate.Shared(3, window, folder, "host:1", SecretId);
                using (var busy = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
                {
                    await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await gate.WaitAsync(busy.Token));
                }

                // The whole tree: `dotnet pwsh` runs PowerShell as a child of the dotnet host.
                child.Kill(entireProcessTree: true);
                Assert.True(child.WaitForExit(10_000));

                // All three come back by themselves; bounded, so a bug fails the test instead of hanging it.
                using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                var permits = new[] { await gate.WaitAsync(bounded.Token), await gate.WaitAsync(bounded.Token), await gate.WaitAsync(bounded.Token) };
                foreach (var permit in permits) permit.Dispose();
            }
            finally
            {
                if (!child.HasExited) child.Kill(entireProcessTree: true);
            }
        }

        /// <summary>The pinned PowerShell of the repository (dotnet tool), started from the repository root.</summary>
        private static Process StartPwsh(string command)
        {
            string root = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(root, ".config", "dotnet-tools.json"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardInput = true };
            foreach (string argument in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", command }) start.ArgumentList.Add(argument);
            return Process.Start(start)!;
        }
    }
}
