using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using VodPowerShell.Core.Signing;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Emulator.Tests.TestSupport;

namespace VodPowerShell.Emulator.Tests
{
    public class WireEncodingTests
    {
        public static IEnumerable<object[]> AwkwardFileIds()
        {
            string[] values =
            [
                "a&b=c",
                "plus+sign",
                "100%25 %41",
                "hash#fragment",
                "with space",
                "line\nbreak",
                "视频-ファイル-é-🎬",
                " leading and trailing ",
                string.Concat(Enumerable.Repeat("x&=+%# é\n", 1024)) + "end",
            ];
            foreach (string value in values)
            {
                yield return [value, RequestMethod.Get];
                yield return [value, RequestMethod.Post];
            }
        }

        [Theory]
        [MemberData(nameof(AwkwardFileIds))]
        public async Task AFileIdReachesTheLedgerExactlyAsSent(string fileId, RequestMethod method)
        {
            await using var emulator = await TestEmulator.StartAsync();
            var response = await TestEmulator.SendAsync(emulator.Client(method), "CreateImageSprite", ("fileId", fileId), ("definition", "10"));

            Assert.Equal(0, response.Code);
            var entry = Assert.Single(emulator.Ledger);
            Assert.Equal(fileId, entry.FileId);
            // The client moves a request whose query would be too long to a POST body by itself.
            bool tooLongForGet = PercentEncoding.Encode(fileId).Length > V2Transport.MaxQueryLength;
            Assert.Equal(method == RequestMethod.Get && !tooLongForGet ? "GET" : "POST", entry.Method);
        }

        [Fact]
        public async Task APlusInTheQueryIsASpaceAsFormClientsMeanIt()
        {
            // A client that form-encodes the query (Python's urlencode) writes a space as '+' and signs the space.
            await using var emulator = await TestEmulator.StartAsync();
            var parameters = emulator.CommonParameters("CreateImageSprite");
            parameters.AddRange([new("fileId", "two words"), new("definition", "10")]);
            var signed = emulator.SignByHand("GET", parameters, SignatureMethod.HmacSHA1);
            string query = TestEmulator.Encode(signed).Replace("%20", "+", StringComparison.Ordinal);

            var (_, body) = await emulator.SendRawAsync("GET", query);

            Assert.Equal(0, TestEmulator.CodeOf(body));
            Assert.Equal("two words", Assert.Single(emulator.Ledger).FileId);
        }

        [Fact]
        public async Task AnUnencodedPlusInTheSignatureFailsLikeTheRealService()
        {
            await using var emulator = await TestEmulator.StartAsync();
            for (int attempt = 0; attempt < 50; attempt++)
            {
                var signed = emulator.SignedParameters("GetTaskList", RequestMethod.Get, ("status", "WAITING"));
                string signature = signed.Single(p => p.Key == "Signature").Value;
                if (!signature.Contains('+', StringComparison.Ordinal)) continue;

                string query = TestEmulator.Encode(signed.Where(p => p.Key != "Signature")) + "&Signature=" + signature;
                var (_, body) = await emulator.SendRawAsync("GET", query);
                Assert.Equal(4100, TestEmulator.CodeOf(body));
                return;
            }

            Assert.Fail("No signature with a '+' in 50 tries.");
        }
    }
}
