using System.Linq;
using VodPowerShell.Core.Errors;
using Xunit;

namespace VodPowerShell.Core.Tests.Errors
{
    public class ErrorCodeCatalogTests
    {
        // Every code of the tables in docs/protocol.md §7.1 and §7.2.
        public static TheoryData<int> DocumentedCodes => new()
        {
            4000, 4100, 4101, 4102, 4103, 4104, 4105, 4106, 4110, 4200, 4300, 4400, 4500, 4600,
            5000, 5100, 5200, 5300, 5400, 5500, 6000, 6100, 6200,
            1, 1000, 1001, 1108, 1152, 1801, 1802, 2000, 2001, 10009, 10010, 10012, 10027, 70014,
        };

        [Theory]
        [MemberData(nameof(DocumentedCodes))]
        public void EveryDocumentedCodeHasItsOwnEntry(int code)
        {
            Assert.Contains(ErrorCodeCatalog.All, info => info.Code == code);
            Assert.False(string.IsNullOrWhiteSpace(ErrorCodeCatalog.Lookup(code).ErrorId));
        }

        [Theory]
        [InlineData(1000, RetryPolicy.Never, VodErrorCategory.InvalidArgument)]
        [InlineData(10009, RetryPolicy.Never, VodErrorCategory.InvalidOperation)]
        [InlineData(4100, RetryPolicy.Never, VodErrorCategory.AuthenticationError)]
        [InlineData(4104, RetryPolicy.Never, VodErrorCategory.AuthenticationError)]
        [InlineData(4400, RetryPolicy.Backoff, VodErrorCategory.QuotaExceeded)]
        [InlineData(4500, RetryPolicy.ResignOnce, VodErrorCategory.AuthenticationError)]
        [InlineData(5100, RetryPolicy.Bounded, VodErrorCategory.ResourceUnavailable)]
        [InlineData(6000, RetryPolicy.Bounded, VodErrorCategory.ResourceUnavailable)]
        [InlineData(6200, RetryPolicy.Bounded, VodErrorCategory.ResourceUnavailable)]
        [InlineData(70014, RetryPolicy.Never, VodErrorCategory.ObjectNotFound)]
        public void CodesAreClassifiedAsTheReferenceRecommends(int code, RetryPolicy retry, VodErrorCategory category)
        {
            var info = ErrorCodeCatalog.Lookup(code);
            Assert.Equal(retry, info.Retry);
            Assert.Equal(category, info.Category);
        }

        [Theory]
        [InlineData(4107, RetryPolicy.Never, "AuthenticationFailed")]
        [InlineData(6300, RetryPolicy.Bounded, "InternalServerError")]
        [InlineData(6900, RetryPolicy.Bounded, "InternalServerError")]
        [InlineData(123456, RetryPolicy.Never, "ServiceError")]
        public void UndocumentedCodesFallBackByRange(int code, RetryPolicy retry, string errorId)
        {
            var info = ErrorCodeCatalog.Lookup(code);
            Assert.Equal(retry, info.Retry);
            Assert.Equal(errorId, info.ErrorId);
        }

        [Fact]
        public void ErrorIdsAreIdentifiersUsersCanMatchOn() =>
            Assert.All(ErrorCodeCatalog.All, info => Assert.Matches("^[A-Z][A-Za-z0-9]+$", info.ErrorId));

        [Fact]
        public void CodesAreListedOnce() =>
            Assert.Equal(ErrorCodeCatalog.All.Count(), ErrorCodeCatalog.All.Select(i => i.Code).Distinct().Count());
    }
}
