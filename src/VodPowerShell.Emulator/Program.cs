using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Emulator.Hosting;

namespace VodPowerShell.Emulator
{
    public static class Program
    {
        /// <summary>Callers (Pester tests, build.ps1 Demo) wait for exactly this line on stdout.</summary>
        public const string ReadyLinePrefix = "VodEmulator listening on ";

        public static async Task<int> Main(string[] args)
        {
            // For maintainers: prints the options table that README.md carries (a test keeps the two equal).
            if (args is ["--help-markdown"])
            {
                Console.Out.Write(CommandLine.MarkdownTable());
                return 0;
            }

            if (!CommandLine.TryParse(args, out var options, out bool help, out string? error))
            {
                await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
                return 2;
            }

            if (help)
            {
                Console.Out.Write(CommandLine.HelpText());
                return 0;
            }

            EmulatorHost host;
            try
            {
                host = await EmulatorHost.StartAsync(options).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is System.IO.IOException || ex is System.Text.Json.JsonException || ex is UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync("VodEmulator failed to start: " + ex.Message).ConfigureAwait(false);
                return 1;
            }

            await using (host.ConfigureAwait(false))
            {
                var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.TrySetResult(); });
                using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
                if (options.ExitOnStdinClose) WatchStandardInput(stop);

                Console.Out.WriteLine(ReadyLinePrefix + host.BaseAddress.GetLeftPart(UriPartial.Authority));
                Console.Out.Flush();
                await stop.Task.ConfigureAwait(false);
            }

            return 0;
        }

        /// <summary>A dedicated thread, because reading stdin blocks and must not hold a pool thread.</summary>
        private static void WatchStandardInput(TaskCompletionSource stop)
        {
            var thread = new Thread(() =>
            {
                using var input = Console.OpenStandardInput();
                byte[] buffer = new byte[256];
                while (input.Read(buffer, 0, buffer.Length) > 0)
                {
                }

                stop.TrySetResult();
            })
            { IsBackground = true, Name = "stdin watcher" };
            thread.Start();
        }
    }
}
