using System;
using System.Collections.Generic;
using System.Linq;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Throttling;

namespace VodPowerShell.Core.Tests.Throttling
{
    /// <summary>
    /// Several hosts on one key, on a virtual clock: each runs the real <see cref="QuotaGate"/> over its own count
    /// (sharing off, as on separate machines) and <see cref="VodClient"/>'s way of retrying a quota error, against
    /// a service that accepts at most a quota of requests in any sliding window and answers after a latency (fixed,
    /// or drawn anew for each answer up to a jitter more).
    /// Repeatable for a seed, and a run of minutes takes milliseconds; Bench's SharedQuota part measures the same
    /// with processes and the emulator (bench/README.md, "Shared quota"), where the host's timers and load add
    /// noise this model leaves out.
    /// </summary>
    internal sealed class QuotaSimulation
    {
        /// <summary>Workers per host, as New-VodImageSprite's default -ThrottleLimit.</summary>
        private const int Workers = 8;

        /// <summary>Network time each way, on top of the service's latency.</summary>
        private static readonly TimeSpan Transit = TimeSpan.FromMilliseconds(1);

        private static readonly DateTime Origin = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>What happens next, in time order (ties in the order they were planned).</summary>
        private readonly PriorityQueue<Action, (DateTime At, long Order)> due = new PriorityQueue<Action, (DateTime, long)>();
        private readonly Queue<DateTime> counted = new Queue<DateTime>();
        private readonly List<Host> hosts = new List<Host>();
        private readonly List<(DateTime At, int Host, int FileId, bool Accepted)> ledger = new List<(DateTime, int, int, bool)>();
        private readonly Random random;

        /// <summary>VodClient's waits after a quota error, with the Bench clients' -RetryIntervalSec and this run's random numbers.</summary>
        private readonly RetryOptions retry;
        private long order;

        /// <param name="latencyJitter">Up to this much more latency on each answer, drawn evenly: real networks and servers never answer in the same time twice.</param>
        public QuotaSimulation(int quota, TimeSpan window, TimeSpan latency, int seed, TimeSpan latencyJitter = default)
        {
            Quota = quota;
            Window = window;
            Latency = latency;
            LatencyJitter = latencyJitter;
            random = new Random(seed);
            retry = new RetryOptions { RetryInterval = TimeSpan.FromSeconds(0.2), Jitter = random.NextDouble };
        }

        public int Quota { get; }

        public TimeSpan Window { get; }

        public TimeSpan Latency { get; }

        public TimeSpan LatencyJitter { get; }

        private DateTime Now { get; set; } = Origin;

        /// <summary>A host that starts piping <paramref name="fileIds"/> fileIds at <paramref name="startAt"/>.</summary>
        public QuotaSimulation AddHost(int fileIds, TimeSpan startAt)
        {
            hosts.Add(new Host(this, hosts.Count, fileIds, Origin + startAt));
            return this;
        }

        /// <summary>Hosts that start together, each up to <paramref name="jitter"/> late (processes never start at one instant).</summary>
        public QuotaSimulation AddHosts(int count, int fileIds, TimeSpan jitter)
        {
            for (int i = 0; i < count; i++) AddHost(fileIds, TimeSpan.FromTicks((long)(jitter.Ticks * random.NextDouble())));
            return this;
        }

        /// <summary>Hosts that start <paramref name="apart"/> after one another, as runbooks on separate machines or started by hand do.</summary>
        public QuotaSimulation AddHostsApart(int count, int fileIds, TimeSpan apart)
        {
            for (int i = 0; i < count; i++) AddHost(fileIds, TimeSpan.FromTicks(apart.Ticks * i));
            return this;
        }

        /// <summary>Runs until every fileId has its task (or a host gave one up) and measures it as Bench's Measure-QuotaLedger does.</summary>
        public QuotaSimulationResult Run()
        {
            foreach (Host host in hosts) host.Start();
            DateTime limit = Origin + TimeSpan.FromHours(10);
            while (due.TryDequeue(out Action? action, out (DateTime At, long Order) when))
            {
                Now = when.At;
                if (Now > limit) throw new InvalidOperationException("The simulated run did not end within ten hours.");
                action();
            }

            return Measure();
        }

        private void At(DateTime when, Action action) => due.Enqueue(action, (when, order++));

        /// <summary>How long the service takes to answer this request (no random number is drawn without jitter, so fixed-latency runs stay as they were).</summary>
        private TimeSpan AnswerTime() =>
            LatencyJitter > TimeSpan.Zero ? Latency + TimeSpan.FromTicks((long)(LatencyJitter.Ticks * random.NextDouble())) : Latency;

        /// <summary>The service counts a request when it arrives.</summary>
        private bool Arrive(int host, int fileId)
        {
            while (counted.Count > 0 && counted.Peek() <= Now - Window) counted.Dequeue();
            bool accepted = counted.Count < Quota;
            if (accepted) counted.Enqueue(Now);
            ledger.Add((Now, host, fileId, accepted));
            return accepted;
        }

        private QuotaSimulationResult Measure()
        {
            var accepted = ledger.Where(entry => entry.Accepted).ToList();
            double spanSec = (accepted[accepted.Count - 1].At - accepted[0].At).TotalSeconds;
            double idealSec = Math.Floor((accepted.Count - 1) / (double)Quota) * Window.TotalSeconds;
            DateTime from = hosts.Max(host => ledger.First(entry => entry.Host == host.Number).At);
            DateTime to = hosts.Min(host => accepted.Last(entry => entry.Host == host.Number).At);
            int[] shares = hosts.Select(host => accepted.Count(entry => entry.Host == host.Number && entry.At >= from && entry.At <= to)).ToArray();
            double mean = shares.Average();
            double fairness = hosts.Count < 2 ? 0 : mean <= 0 ? 100 : 100 * shares.Max(share => Math.Abs(share - mean)) / mean;
            int[] tasksPerFile = accepted.GroupBy(entry => (entry.Host, entry.FileId)).Select(group => group.Count()).ToArray();
            return new QuotaSimulationResult(
                ledger.Count,
                ledger.Count - accepted.Count,
                spanSec > 0 ? 100 * idealSec / spanSec : 0,
                fairness,
                shares,
                hosts.Sum(host => host.FileIds),
                tasksPerFile.Length,
                tasksPerFile.Max());
        }

        private sealed class Host
        {
            private readonly QuotaSimulation service;
            private readonly QuotaGate gate;
            private readonly Queue<Action<IQuotaPermit>> waiting = new Queue<Action<IQuotaPermit>>();
            private readonly DateTime start;
            private int nextFileId;
            private int done;
            private bool looking;

            /// <summary>Open from when the last fileId was taken by a worker until every fileId is done, as New-VodImageSprite's drain.</summary>
            private IDisposable? finishing;

            public Host(QuotaSimulation service, int number, int fileIds, DateTime start)
            {
                this.service = service;
                Number = number;
                FileIds = fileIds;
                this.start = start;
                gate = new QuotaGate(service.Quota, service.Window, new LocalPermitBook(service.Window), () => service.Now, () => service.random.NextDouble());
            }

            public int Number { get; }

            public int FileIds { get; }

            public void Start()
            {
                for (int i = 0; i < Workers; i++) service.At(start, Next);
            }

            private void Next()
            {
                if (nextFileId < FileIds) Submit(nextFileId++, quotaRetries: 0);
                if (nextFileId == FileIds) finishing ??= gate.Finishing();
            }

            /// <summary>One attempt at a fileId, as VodClient's loop makes it: a permit, the call, and after a quota error a pause of this request's own.</summary>
            private void Submit(int fileId, int quotaRetries)
            {
                Enter(permit => service.At(service.Now + Transit, () =>
                {
                    bool accepted = service.Arrive(Number, fileId);
                    service.At(service.Now + service.AnswerTime() + Transit, () =>
                    {
                        if (!accepted) permit.Throttled();
                        permit.Dispose();
                        if (accepted || quotaRetries >= VodClient.MaximumQuotaRetries)
                        {
                            if (++done == FileIds) finishing?.Dispose();
                            Next();
                            return;
                        }

                        service.At(service.Now + service.retry.QuotaWaitFor(quotaRetries + 1), () => Submit(fileId, quotaRetries + 1));
                    });
                }));
            }

            /// <summary>Waiters take turns, oldest first, and only the first looks at the gate, as in <see cref="QuotaGate.WaitAsync"/>.</summary>
            private void Enter(Action<IQuotaPermit> granted)
            {
                waiting.Enqueue(granted);
                if (looking) return;
                looking = true;
                Look();
            }

            private void Look()
            {
                if (waiting.Count == 0)
                {
                    looking = false;
                    return;
                }

                IQuotaPermit? permit = gate.TryEnter(service.Now, waiting.Count, out DateTime retryAt);
                if (permit is null)
                {
                    service.At(retryAt > service.Now ? retryAt : service.Now.AddMilliseconds(1), Look);
                    return;
                }

                waiting.Dequeue()(permit);
                service.At(service.Now, Look);
            }
        }
    }

    /// <summary>What a simulated run measured, in Bench's terms.</summary>
    internal sealed class QuotaSimulationResult
    {
        public QuotaSimulationResult(int requests, int rejected, double usedPercent, double fairnessPercent, int[] shares, int fileIds, int filesWithTask, int maximumTasksPerFile)
        {
            Requests = requests;
            Rejected = rejected;
            UsedPercent = usedPercent;
            FairnessPercent = fairnessPercent;
            Shares = shares;
            FileIds = fileIds;
            FilesWithTask = filesWithTask;
            MaximumTasksPerFile = maximumTasksPerFile;
        }

        public int Requests { get; }

        public int Rejected { get; }

        public double RejectedPercent => 100.0 * Rejected / Requests;

        /// <summary>The fastest compliant span over the span the service saw (Bench's "quota used").</summary>
        public double UsedPercent { get; }

        /// <summary>Largest deviation from the mean of the accepted requests per host while all of them asked.</summary>
        public double FairnessPercent { get; }

        public int[] Shares { get; }

        public int FileIds { get; }

        public int FilesWithTask { get; }

        public int MaximumTasksPerFile { get; }

        public override string ToString() =>
            $"{RejectedPercent:0.0}% answers 4400 ({Rejected} of {Requests}), {UsedPercent:0.0}% of the quota used, fairness ±{FairnessPercent:0}% ({string.Join("/", Shares)})";
    }
}
