using System;
using VodPowerShell.Core.Client;
using Xunit;

namespace VodPowerShell.Core.Tests.Client
{
    public class RetryOptionsTests
    {
        [Fact]
        public void AQuotaErrorWaitsTheBackoffAtLeastTheMinimumAndNoLongerThanTheSixthStep()
        {
            var options = new RetryOptions { RetryInterval = TimeSpan.FromSeconds(0.2), Jitter = () => 0 };

            Assert.Equal(TimeSpan.FromSeconds(1), options.QuotaWaitFor(1));        // 0.2 s, raised to the minimum
            Assert.Equal(TimeSpan.FromSeconds(1.6), options.QuotaWaitFor(4));
            Assert.Equal(TimeSpan.FromSeconds(6.4), options.QuotaWaitFor(6));
            Assert.Equal(TimeSpan.FromSeconds(6.4), options.QuotaWaitFor(20));
        }

        [Fact]
        public void TheJitterAddsUpToHalfTheBackoff()
        {
            var options = new RetryOptions { RetryInterval = TimeSpan.FromSeconds(1), Jitter = () => 0.999 };

            Assert.InRange(options.BackoffFor(2), TimeSpan.FromSeconds(2.99), TimeSpan.FromSeconds(3));
        }
    }
}
