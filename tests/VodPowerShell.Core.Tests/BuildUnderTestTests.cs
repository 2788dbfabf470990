using System.Reflection;
using System.Runtime.Versioning;
using VodPowerShell.Core.Signing;
using Xunit;

namespace VodPowerShell.Core.Tests
{
    /// <summary>
    /// These tests run twice: VodPowerShell.Core.Tests against Core's net8.0 build (PowerShell 7.4+) and
    /// VodPowerShell.Core.Tests.NetStandard against its netstandard2.0 build (Windows PowerShell 5.1).
    /// </summary>
    public class BuildUnderTestTests
    {
#if CORE_NETSTANDARD
        private const string ExpectedFramework = ".NETStandard,Version=v2.0";
#else
        private const string ExpectedFramework = ".NETCoreApp,Version=v8.0";
#endif

        [Fact]
        public void TheEngineUnderTestIsTheBuildThisProjectNames()
        {
            var attribute = typeof(SigningKey).Assembly.GetCustomAttribute<TargetFrameworkAttribute>();
            Assert.Equal(ExpectedFramework, attribute?.FrameworkName);
        }
    }
}
