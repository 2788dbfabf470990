using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Downloads;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Downloads
{
    public sealed class FileDownloaderTests : IDisposable
    {
        private static readonly byte[] SheetA = Bytes(100_000, 1);
        private static readonly byte[] SheetB = Bytes(70_000, 2);
        private readonly TempDirectory temp = new TempDirectory();

        public void Dispose() => temp.Dispose();

        [Fact]
        public async Task Downloads_every_file_whole_records_it_in_the_manifest_and_leaves_no_temporary_file()
        {
            using var server = Serve(("a.jpg", SheetA, "\"etag-a\""), ("b.jpg", SheetB, null));
            long bytes = 0;
            var completed = new ConcurrentBag<FileDownloadResult>();
            using var downloader = new FileDownloader(new DownloadOptions
            {
                BytesReceived = n => Interlocked.Add(ref bytes, n),
                FileCompleted = completed.Add,
            });

            var results = await downloader.DownloadAsync(temp.Path, new[] { server.Url("a.jpg"), server.Url("b.jpg") }, CancellationToken.None);

            Assert.All(results, r => Assert.Equal(DownloadOutcome.Downloaded, r.Outcome));
            Assert.Equal(SheetA, File.ReadAllBytes(temp.Combine("a.jpg")));
            Assert.Equal(SheetB, File.ReadAllBytes(temp.Combine("b.jpg")));
            Assert.Empty(Directory.GetFiles(temp.Path, "*.part"));
            Assert.Equal(SheetA.Length + SheetB.Length, Interlocked.Read(ref bytes));
            Assert.Equal(2, completed.Count);

            var manifest = DownloadManifest.Load(temp.Path);
            var entryA = manifest.Find(new Uri(server.Url("a.jpg")))!;
            Assert.Equal("a.jpg", entryA.Name);
            Assert.Equal(SheetA.Length, entryA.Size);
            Assert.Equal("\"etag-a\"", entryA.ETag);
            Assert.Equal(Md5Hex(SheetA), entryA.Md5);
            Assert.Null(manifest.Find(new Uri(server.Url("b.jpg")))!.ETag);
        }

        [Fact]
        public async Task A_rerun_skips_complete_files_without_a_request_and_fetches_a_changed_one_again()
        {
            using var server = Serve(("a.jpg", SheetA, "\"a\""), ("b.jpg", SheetB, "\"b\""));
            using var downloader = new FileDownloader(new DownloadOptions());
            var urls = new[] { server.Url("a.jpg"), server.Url("b.jpg") };
            await downloader.DownloadAsync(temp.Path, urls, CancellationToken.None);

            // Same size, different bytes: only the MD5 in the manifest can tell.
            byte[] tampered = (byte[])SheetB.Clone();
            tampered[10] ^= 0xFF;
            File.WriteAllBytes(temp.Combine("b.jpg"), tampered);
            var second = await downloader.DownloadAsync(temp.Path, urls, CancellationToken.None);

            Assert.Equal(DownloadOutcome.Skipped, second[0].Outcome);
            Assert.Equal(0, second[0].Attempts);
            Assert.Equal(SheetA.Length, second[0].Bytes);
            Assert.Equal(DownloadOutcome.Downloaded, second[1].Outcome);
            Assert.Equal(1, server.CountFor("a.jpg"));
            Assert.Equal(2, server.CountFor("b.jpg"));
            Assert.Equal(SheetB, File.ReadAllBytes(temp.Combine("b.jpg")));
        }

        [Fact]
        public async Task Force_downloads_complete_files_again()
        {
            using var server = Serve(("a.jpg", SheetA, null));
            using (var first = new FileDownloader(new DownloadOptions())) await first.DownloadAsync(temp.Path, new[] { server.Url("a.jpg") }, CancellationToken.None);
            using var forced = new FileDownloader(new DownloadOptions { Force = true });

            var results = await forced.DownloadAsync(temp.Path, new[] { server.Url("a.jpg") }, CancellationToken.None);

            Assert.Equal(DownloadOutcome.Downloaded, results[0].Outcome);
            Assert.Equal(2, server.CountFor("a.jpg"));
        }

        [Fact]
        public async Task Survives_500s_and_a_connection_reset_mid_body_by_retrying()
        {
            int calls500 = 0, callsReset = 0;
            using var server = new LoopbackFileServer(request => request.Path switch
            {
                "/flaky500.jpg" => Interlocked.Increment(ref calls500) <= 2 ? ServerReply.Error(500) : ServerReply.File(SheetA),
                "/reset.jpg" => Interlocked.Increment(ref callsReset) == 1 ? new ServerReply { Body = SheetB, ResetAfter = 20_000 } : ServerReply.File(SheetB),
                _ => ServerReply.Error(404),
            });
            using var downloader = new FileDownloader(new DownloadOptions { RetryInterval = TimeSpan.Zero });

            var results = await downloader.DownloadAsync(temp.Path, new[] { server.Url("flaky500.jpg"), server.Url("reset.jpg") }, CancellationToken.None);

            Assert.Equal(DownloadOutcome.Downloaded, results[0].Outcome);
            Assert.Equal(3, results[0].Attempts);
            Assert.Equal(DownloadOutcome.Downloaded, results[1].Outcome);
            Assert.Equal(2, results[1].Attempts);
            Assert.Equal(SheetA, File.ReadAllBytes(temp.Combine("flaky500.jpg")));
            Assert.Equal(SheetB, File.ReadAllBytes(temp.Combine("reset.jpg")));
        }

        [Fact]
        public async Task A_file_that_keeps_failing_is_an_error_value_and_the_rest_of_the_batch_still_downloads()
        {
            using var server = new LoopbackFileServer(request => request.Path switch
            {
                "/down.jpg" => ServerReply.Error(503),
                "/missing.jpg" => ServerReply.Error(404),
                "/short.jpg" => new ServerReply { Body = SheetB, ContentLength = SheetB.Length + 10 },
                _ => ServerReply.File(SheetA),
            });
            using var downloader = new FileDownloader(new DownloadOptions { RetryInterval = TimeSpan.Zero, MaximumRetryCount = 2 });

            var results = await downloader.DownloadAsync(temp.Path, new[] { server.Url("down.jpg"), server.Url("missing.jpg"), server.Url("short.jpg"), server.Url("ok.jpg") }, CancellationToken.None);

            Assert.Equal("DownloadFailed", results[0].Error!.ErrorId);
            Assert.Equal(503, results[0].Error!.HttpStatus);
            Assert.Equal(3, results[0].Attempts);
            Assert.Equal(VodErrorCategory.ObjectNotFound, results[1].Error!.Category);
            Assert.Equal(1, server.CountFor("missing.jpg"));
            Assert.Contains(results[2].Error!.ErrorId, new[] { "DownloadIncomplete", "ConnectionFailed" });
            Assert.Equal(DownloadOutcome.Downloaded, results[3].Outcome);
            Assert.False(File.Exists(temp.Combine("down.jpg")));
            Assert.False(File.Exists(temp.Combine("short.jpg")));
            Assert.Empty(Directory.GetFiles(temp.Path, "*.part"));
            Assert.Single(DownloadManifest.Load(temp.Path).Entries);
        }

        [Fact]
        public async Task Enforces_the_size_cap_from_the_declared_length_and_from_the_bytes_that_come()
        {
            using var server = new LoopbackFileServer(request => request.Path == "/undeclared.jpg"
                ? new ServerReply { Body = SheetA, OmitContentLength = true }
                : ServerReply.File(SheetA));
            using var downloader = new FileDownloader(new DownloadOptions { MaximumFileBytes = 50_000 });

            var results = await downloader.DownloadAsync(temp.Path, new[] { server.Url("declared.jpg"), server.Url("undeclared.jpg") }, CancellationToken.None);

            Assert.All(results, r => Assert.Equal("DownloadTooLarge", r.Error!.ErrorId));
            Assert.All(results, r => Assert.Equal(VodErrorCategory.LimitsExceeded, r.Error!.Category));
            Assert.Empty(Directory.GetFiles(temp.Path, "*.jpg*"));
        }

        [Fact]
        public async Task Follows_loopback_redirects_and_refuses_one_to_plain_http_elsewhere_without_contacting_it()
        {
            using var server = new LoopbackFileServer(request => request.Path switch
            {
                "/moved.jpg" => ServerReply.Redirect("/real.jpg", 301),
                "/downgrade.jpg" => ServerReply.Redirect("http://cdn.example.invalid/a.jpg"),
                "/loop.jpg" => ServerReply.Redirect("/loop.jpg"),
                _ => ServerReply.File(SheetA),
            });
            using var downloader = new FileDownloader(new DownloadOptions { MaximumRedirects = 3 });

            var results = await downloader.DownloadAsync(temp.Path, new[] { server.Url("moved.jpg"), server.Url("downgrade.jpg"), server.Url("loop.jpg") }, CancellationToken.None);

            Assert.Equal(DownloadOutcome.Downloaded, results[0].Outcome);
            Assert.Equal(SheetA, File.ReadAllBytes(temp.Combine("moved.jpg")));
            Assert.Equal("InsecureRedirect", results[1].Error!.ErrorId);
            Assert.Equal(VodErrorCategory.SecurityError, results[1].Error!.Category);
            Assert.Equal("TooManyRedirects", results[2].Error!.ErrorId);
            Assert.Equal(4, server.CountFor("loop.jpg"));
        }

        [Fact]
        public async Task Refuses_plain_http_off_loopback_and_urls_with_credentials_before_any_request()
        {
            using var server = Serve(("a.jpg", SheetA, null));
            using var downloader = new FileDownloader(new DownloadOptions());
            string withCredentials = server.Url("a.jpg").Replace("http://", "http://user:secret@");

            var results = await downloader.DownloadAsync(temp.Path, new[] { "http://cdn.example.invalid/a.jpg", withCredentials, "sprite.jpg" }, CancellationToken.None);

            Assert.Equal("InsecureUrl", results[0].Error!.ErrorId);
            Assert.Equal(VodErrorCategory.SecurityError, results[0].Error!.Category);
            Assert.Equal("InvalidUrl", results[1].Error!.ErrorId);
            Assert.DoesNotContain("secret", results[1].Error!.Message);
            Assert.Equal("InvalidUrl", results[2].Error!.ErrorId);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task Sends_no_authorization_or_cookie_header()
        {
            using var server = Serve(("a.jpg", SheetA, null));
            using var downloader = new FileDownloader(new DownloadOptions());

            await downloader.DownloadAsync(temp.Path, new[] { server.Url("a.jpg") }, CancellationToken.None);

            ServerRequest request = Assert.Single(server.Requests);
            Assert.Equal("GET", request.Method);
            Assert.False(request.Headers.ContainsKey("Authorization"));
            Assert.False(request.Headers.ContainsKey("Cookie"));
        }

        [Fact]
        public async Task Checks_the_body_against_Content_MD5()
        {
            string wrong = Convert.ToBase64String(MD5.Create().ComputeHash(SheetB));
            using var server = new LoopbackFileServer(_ => ServerReply.File(SheetA).With("Content-MD5", wrong));
            using var downloader = new FileDownloader(new DownloadOptions { RetryInterval = TimeSpan.Zero, MaximumRetryCount = 1 });

            var results = await downloader.DownloadAsync(temp.Path, new[] { server.Url("a.jpg") }, CancellationToken.None);

            Assert.Equal("ContentMismatch", results[0].Error!.ErrorId);
            Assert.False(File.Exists(temp.Combine("a.jpg")));
        }

        [Fact]
        public async Task A_killed_run_resumes_without_downloading_complete_files_twice()
        {
            bool stall = true;
            using var server = new LoopbackFileServer(request => request.Path == "/slow.jpg" && Volatile.Read(ref stall)
                ? new ServerReply { Body = SheetB, ContentLength = SheetB.Length + 1, StallAfterBody = true }
                : ServerReply.File(request.Path == "/slow.jpg" ? SheetB : SheetA));
            var urls = new[] { server.Url("fast.jpg"), server.Url("slow.jpg"), server.Url("left.jpg") };

            // A partial file from an earlier crash must be neither trusted nor in the way.
            File.WriteAllBytes(temp.Combine("left.jpg.part"), new byte[] { 1, 2, 3 });
            using (var cancel = new CancellationTokenSource())
            using (var killed = new FileDownloader(new DownloadOptions()))
            {
                Task<IReadOnlyList<FileDownloadResult>> run = killed.DownloadAsync(temp.Path, urls, cancel.Token);
                for (int i = 0; i < 2000 && (server.CountFor("slow.jpg") == 0 || DownloadManifest.Load(temp.Path).Entries.Count < 2); i++) await Task.Delay(10);
                cancel.Cancel();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            }

            Assert.False(File.Exists(temp.Combine("slow.jpg")));
            Assert.False(File.Exists(temp.Combine("slow.jpg.part")));
            Volatile.Write(ref stall, false);
            using var rerun = new FileDownloader(new DownloadOptions());

            var results = await rerun.DownloadAsync(temp.Path, urls, CancellationToken.None);

            Assert.Equal(new[] { DownloadOutcome.Skipped, DownloadOutcome.Downloaded, DownloadOutcome.Skipped }, results.Select(r => r.Outcome));
            Assert.Equal(1, server.CountFor("fast.jpg"));
            Assert.Equal(1, server.CountFor("left.jpg"));
            Assert.Equal(2, server.CountFor("slow.jpg"));
            Assert.Equal(SheetB, File.ReadAllBytes(temp.Combine("slow.jpg")));
            Assert.Empty(Directory.GetFiles(temp.Path, "*.part"));
        }

        [Fact]
        public async Task A_silent_server_times_out_as_a_per_file_error()
        {
            using var server = new LoopbackFileServer(_ => new ServerReply { Body = SheetA, ContentLength = SheetA.Length + 1, StallAfterBody = true });
            using var downloader = new FileDownloader(new DownloadOptions { IdleTimeout = TimeSpan.FromMilliseconds(300), MaximumRetryCount = 0 });

            var results = await downloader.DownloadAsync(temp.Path, new[] { server.Url("stalled.jpg") }, CancellationToken.None);

            Assert.Equal("DownloadTimeout", results[0].Error!.ErrorId);
            Assert.Equal(VodErrorCategory.OperationTimeout, results[0].Error!.Category);
        }

        [Fact]
        public async Task Keeps_at_most_ThrottleLimit_transfers_in_flight_and_fetches_a_repeated_url_once()
        {
            using var server = new LoopbackFileServer(_ => ServerReply.File(SheetA));
            using var downloader = new FileDownloader(new DownloadOptions { ThrottleLimit = 2 });
            var urls = Enumerable.Range(0, 8).Select(i => server.Url($"s{i}.jpg")).Append(server.Url("s0.jpg")).ToList();

            var results = await downloader.DownloadAsync(temp.Path, urls, CancellationToken.None);

            Assert.Equal(9, results.Count);
            Assert.Equal(8, server.Requests.Count);
            Assert.InRange(server.MaxInFlight, 1, 2);
        }

        [Fact]
        public async Task ReadText_applies_the_same_rules_and_its_own_cap()
        {
            using var server = new LoopbackFileServer(request => request.Path == "/big.vtt" ? ServerReply.File(SheetA) : ServerReply.File(System.Text.Encoding.UTF8.GetBytes("WEBVTT\n")));
            using var downloader = new FileDownloader(new DownloadOptions());

            Assert.Equal("WEBVTT\n", await downloader.ReadTextAsync(server.Url("index.vtt"), 1000, CancellationToken.None));
            var tooLarge = await Assert.ThrowsAsync<VodException>(() => downloader.ReadTextAsync(server.Url("big.vtt"), 1000, CancellationToken.None));
            Assert.Equal("DownloadTooLarge", tooLarge.Error.ErrorId);
            var insecure = await Assert.ThrowsAsync<VodException>(() => downloader.ReadTextAsync("http://cdn.example.invalid/a.vtt", 1000, CancellationToken.None));
            Assert.Equal("InsecureUrl", insecure.Error.ErrorId);
        }

        private static LoopbackFileServer Serve(params (string Name, byte[] Body, string? ETag)[] files) =>
            new LoopbackFileServer(request =>
            {
                foreach (var file in files)
                {
                    if (request.Path == "/" + file.Name) return ServerReply.File(file.Body, file.ETag);
                }

                return ServerReply.Error(404);
            });

        private static byte[] Bytes(int length, int seed)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        private static string Md5Hex(byte[] bytes) => BitConverter.ToString(MD5.Create().ComputeHash(bytes)).Replace("-", string.Empty).ToLowerInvariant();
    }
}
