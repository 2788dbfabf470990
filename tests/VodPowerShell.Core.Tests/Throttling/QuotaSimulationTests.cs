using System;
using Xunit;

namespace VodPowerShell.Core.Tests.Throttling
{
    /// <summary>
    /// Issue 17's targets for hosts that do not share a count (separate machines), checked on the simulated service
    /// (<see cref="QuotaSimulation"/>) for five seeds each: the adaptive limit as a whole, in the time of a unit test.
    /// The process-level runs against the emulator are in SharedQuota.Tests.ps1 and Bench.
    /// </summary>
    public class QuotaSimulationTests
    {
        private static readonly TimeSpan StartJitter = TimeSpan.FromSeconds(0.3);
        private static readonly int[] Seeds = { 1, 2, 3, 4, 5 };

        /// <summary>The issue's setting: 100 requests per sliding 10 s, answered 100 ms late.</summary>
        private static QuotaSimulation IssueSetting(int seed) =>
            new QuotaSimulation(100, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100), seed);

        [Theory]
        [InlineData(1, 900)]         // Bench's targets' table: 900 fileIds split over N hosts
        [InlineData(3, 300)]
        [InlineData(6, 150)]
        [InlineData(3, 150)]         // the issue's report
        public void HostsOnOneKeyMeetTheIssuesTargetsInItsSetting(int hosts, int fileIdsPerHost)
        {
            foreach (int seed in Seeds)
            {
                QuotaSimulationResult run = IssueSetting(seed).AddHosts(hosts, fileIdsPerHost, StartJitter).Run();
                AssertMeetsTheTargets(run, seed);
            }
        }

        [Theory]
        [InlineData(60, 100, 300)]     // v2: 100 a minute
        [InlineData(1, 30, 1000)]      // API 3.0: 100 a second per action
        public void ThreeHostsMeetTheTargetsAtEachApisOwnQuota(int windowSec, int latencyMs, int fileIdsPerHost)
        {
            foreach (int seed in Seeds)
            {
                QuotaSimulationResult run = new QuotaSimulation(100, TimeSpan.FromSeconds(windowSec), TimeSpan.FromMilliseconds(latencyMs), seed)
                    .AddHosts(3, fileIdsPerHost, StartJitter).Run();
                AssertMeetsTheTargets(run, seed);
            }
        }

        [Theory]
        [InlineData(10, 6, 150)]     // the issue's setting at N = 6
        [InlineData(60, 3, 300)]     // v2: a window is a minute
        public void HostsGivenEqualWorkEndTogetherInsteadOfAWindowApart(int windowSec, int hosts, int fileIdsPerHost)
        {
            // Integer shares of 100 leave some hosts a few requests short of the others at the end; sent as the last
            // requests of the run into the room the others' last bursts leave, they need no window of their own.
            // Each of the last requests waiting a window of its own, these gave 86% for every seed.
            foreach (int seed in Seeds)
            {
                QuotaSimulationResult run = new QuotaSimulation(100, TimeSpan.FromSeconds(windowSec), TimeSpan.FromMilliseconds(100), seed)
                    .AddHosts(hosts, fileIdsPerHost, StartJitter).Run();
                AssertMeetsTheTargets(run, seed);
                Assert.True(run.UsedPercent >= 93, $"seed {seed}: {run}");
            }
        }

        [Theory]
        [InlineData(10, 3, 300)]     // the issue's setting
        [InlineData(10, 6, 150)]
        [InlineData(60, 3, 300)]     // v2: a window is a minute
        public void HostsMeetTheTargetsWhenAnswersTakeUpToFortyMillisecondsMoreOrLess(int windowSec, int hosts, int fileIdsPerHost)
        {
            // Bursts in step rest on hosts' answers coming back in about the same time; 100 to 140 ms, drawn anew
            // for every answer, keeps them within the targets where a window is 10 s or more. At API 3.0's one
            // second the same jitter is six times the pace between requests, and the targets fail there
            // (bench/README.md, "The quota simulation").
            foreach (int seed in Seeds)
            {
                QuotaSimulationResult run = new QuotaSimulation(100, TimeSpan.FromSeconds(windowSec), TimeSpan.FromMilliseconds(100), seed, TimeSpan.FromMilliseconds(40))
                    .AddHosts(hosts, fileIdsPerHost, StartJitter).Run();
                AssertMeetsTheTargets(run, seed);
            }
        }

        [Theory]
        [InlineData(20)]
        [InlineData(40)]
        public void AtApi30sOneSecondALongRunAJoinerAndHostsThatFinishMeetTheTargetsWhenAnswersVary(int jitterMs)
        {
            // API 3.0: 100 a second, each answer 30 ms and up to jitterMs more. Bursts in step drifted apart here
            // and these failed for some seeds (fairness to ±30% and worse); steady streams (AdaptiveLimit.IsSteady)
            // meet the targets. Three hosts of 1,000 give 83-91% of the quota, six of 500 up to ±31%, and hosts
            // started a second or two apart fail (bench/README.md, "The quota simulation").
            foreach (int seed in Seeds)
            {
                QuotaSimulation Api30() => new QuotaSimulation(100, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(30), seed, TimeSpan.FromMilliseconds(jitterMs));
                AssertMeetsTheTargets(Api30().AddHosts(3, 6000, StartJitter).Run(), seed);
                AssertMeetsTheTargets(Api30().AddHosts(2, 6000, StartJitter).AddHost(2000, TimeSpan.FromSeconds(20)).Run(), seed);
                AssertMeetsTheTargets(Api30().AddHost(1000, TimeSpan.Zero).AddHost(2500, TimeSpan.FromSeconds(0.1)).AddHost(6000, TimeSpan.FromSeconds(0.2)).Run(), seed);
            }
        }

        [Fact]
        public void AHostAloneNeverSeesAQuotaErrorAndUsesTheQuota()
        {
            foreach (int seed in Seeds)
            {
                QuotaSimulationResult run = new QuotaSimulation(20, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(2), seed).AddHosts(1, 400, StartJitter).Run();
                AssertEveryFileIdOnce(run);
                Assert.Equal(0, run.Rejected);
                Assert.True(run.UsedPercent >= 95, $"seed {seed}: {run}");
            }
        }

        [Fact]
        public void TheHostLeftTakesTheRoomOfHostsThatFinished()
        {
            // Runbooks of 100, 250 and 600 fileIds: the last one runs alone for its last 350. Growing along the
            // cubic curve alone it used 62% of the quota; a raise that meets no error now grows it by half a window.
            foreach (int seed in Seeds)
            {
                QuotaSimulationResult run = IssueSetting(seed)
                    .AddHost(100, TimeSpan.Zero).AddHost(250, TimeSpan.FromSeconds(0.1)).AddHost(600, TimeSpan.FromSeconds(0.2))
                    .Run();
                AssertEveryFileIdOnce(run);
                Assert.True(run.RejectedPercent <= 5, $"seed {seed}: {run}");
                Assert.True(run.UsedPercent >= 75, $"seed {seed}: {run}");
            }
        }

        [Fact]
        public void AHostThatJoinsHostsInStepLosesAndRepeatsNothing()
        {
            // Two hosts of 400 fileIds in step, a third of 200 twenty seconds later. Its share is not fair and its
            // refused requests reach 5% for some seeds (bench/README.md, "The quota simulation"); what holds is that
            // every fileId, the joiner's too, gets exactly one task however often it is refused.
            foreach (int seed in Seeds)
            {
                AssertEveryFileIdOnce(IssueSetting(seed).AddHosts(2, 400, StartJitter).AddHost(200, TimeSpan.FromSeconds(20)).Run());
            }
        }

        [Fact]
        public void AHostThatJoinsALongRunGetsItsShareOnceBurstsStartOnTheGrid()
        {
            // Two hosts of 6,000 fileIds in step, a third of 2,000 twenty seconds later. Until the grid (ten windows
            // after each host's first quota error) the joiner gets what the others' probes leave; from then on every
            // burst starts at one instant and the window fills while each has the same number. Without the grid:
            // ±27% to ±82% for these seeds.
            foreach (int seed in Seeds)
            {
                QuotaSimulationResult run = IssueSetting(seed).AddHosts(2, 6000, StartJitter).AddHost(2000, TimeSpan.FromSeconds(20)).Run();
                AssertMeetsTheTargets(run, seed);
            }
        }

        [Theory]
        [InlineData(1, 30, 20, 3, 6000, 1.0)]      // API 3.0, answers in 30-50 ms: a minute of the quota each
        [InlineData(1, 30, 20, 6, 3000, 1.5)]
        [InlineData(10, 100, 20, 3, 3000, 4.0)]    // the issue's setting, processes started by hand
        public void HostsStartedSecondsApartMeetTheTargetsOverALongRun(int windowSec, int latencyMs, int jitterMs, int hosts, int fileIdsPerHost, double apartSec)
        {
            // The host that starts last finds the others' share of the quota taken (at API 3.0, the first ones pause
            // after meeting each other and it takes the window). The shares converge over tens of windows: about
            // 40 s at API 3.0, 25 windows at 10 s, where bursts move to the grid. Runs of a few thousand fileIds
            // outlast that, and are judged over all the time every host was asking. At 10 s the late host left the
            // grid once it grew back to the whole quota, and its next quota error cut the others to 4-13 a window (seed 2:
            // ±52%); it now stays on the grid.
            foreach (int seed in Seeds)
            {
                var service = new QuotaSimulation(100, TimeSpan.FromSeconds(windowSec), TimeSpan.FromMilliseconds(latencyMs), seed, TimeSpan.FromMilliseconds(jitterMs));
                AssertMeetsTheTargets(service.AddHostsApart(hosts, fileIdsPerHost, TimeSpan.FromSeconds(apartSec)).Run(), seed);
            }
        }

        [Theory]
        [InlineData(1, 30, 3, 1000, 0.5)]          // API 3.0
        [InlineData(10, 100, 6, 150, 3.0)]         // the issue's setting
        public void HostsStartedSecondsApartInAShortRunLoseAndRepeatNothing(int windowSec, int latencyMs, int hosts, int fileIdsPerHost, double apartSec)
        {
            // A run shorter than the time shares take to converge keeps the start's unequal shares: ±40-150% from
            // fair at API 3.0 (medians), and at the issue's setting a host may get nothing while all ask, with up to
            // 12% of requests refused (bench/README.md, "Hosts that start apart"). What holds is that no fileId is
            // lost or sent twice.
            foreach (int seed in Seeds)
            {
                var service = new QuotaSimulation(100, TimeSpan.FromSeconds(windowSec), TimeSpan.FromMilliseconds(latencyMs), seed);
                AssertEveryFileIdOnce(service.AddHostsApart(hosts, fileIdsPerHost, TimeSpan.FromSeconds(apartSec)).Run());
            }
        }

        /// <summary>Issue 17's targets for separate machines: at most 5% answers 4400, 85% of the quota used, each host within ±25% of fair.</summary>
        private static void AssertMeetsTheTargets(QuotaSimulationResult run, int seed)
        {
            AssertEveryFileIdOnce(run);
            Assert.True(run.RejectedPercent <= 5, $"seed {seed}: {run}");
            Assert.True(run.UsedPercent >= 85, $"seed {seed}: {run}");
            Assert.True(run.FairnessPercent <= 25, $"seed {seed}: {run}");
        }

        private static void AssertEveryFileIdOnce(QuotaSimulationResult run)
        {
            Assert.Equal(run.FileIds, run.FilesWithTask);
            Assert.Equal(1, run.MaximumTasksPerFile);
        }
    }
}
