using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Core.Signing;

namespace VodPowerShell.Benchmarks
{
    /// <summary>Signature v2 of one CreateImageSprite request, step by step and as a whole.</summary>
    [MemoryDiagnoser]
    public class SigningBenchmarks
    {
        private readonly RequestParameters parameters = Fixtures.CreateImageSpriteParameters();
        private readonly ApiRequest request = Fixtures.CreateImageSpriteRequest();
        private readonly byte[] keyBytes = Encoding.UTF8.GetBytes(Fixtures.SecretKey);
        private SigningKey key = null!;
        private V2Transport transport = null!;
        private string stringToSign = string.Empty;

        [GlobalSetup]
        public void Setup()
        {
            key = Fixtures.Key();
            transport = Fixtures.Transport();
            stringToSign = V2Signature.BuildStringToSign("GET", Fixtures.Authority, Fixtures.Path, parameters);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            key.Dispose();
            transport.Dispose();
        }

        /// <summary>The way a script would write it: LINQ sort, string.Join, a new HMAC per call.</summary>
        [Benchmark(Baseline = true)]
        public string NaiveV2Signature()
        {
            var query = string.Join("&", parameters.OrderBy(p => p.Key.Replace('_', '.'), StringComparer.Ordinal).Select(p => p.Key.Replace('_', '.') + "=" + p.Value));
            using var hmac = new HMACSHA256(keyBytes);
            return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes("GET" + Fixtures.Authority + Fixtures.Path + "?" + query)));
        }

        [Benchmark]
        public string V2StringToSign() => V2Signature.BuildStringToSign("GET", Fixtures.Authority, Fixtures.Path, parameters);

        [Benchmark]
        public string V2HmacBase64() => V2Signature.Compute(stringToSign, key, SignatureMethod.HmacSHA256);

        /// <summary>String to sign + HMAC-SHA256 + Base64: the signature of a ready parameter list, as V2Transport.Sign computes it.</summary>
        [Benchmark]
        public string V2SignParameters() => V2Signature.Compute("GET", Fixtures.Authority, Fixtures.Path, parameters, key, SignatureMethod.HmacSHA256);

        /// <summary>Everything the transport does before the wire: common parameters, nonce, GET/POST choice, signature.</summary>
        [Benchmark]
        public SignedRequest V2TransportSign() => transport.Sign(request);

        [Benchmark]
        public string Tc3Authorize() =>
            Tc3Signature.Authorize(Fixtures.SecretId, key, "vod", "vod.tencentcloudapi.com", 1764095889, Tc3Payload);

        private static readonly byte[] Tc3Payload = Encoding.UTF8.GetBytes("{\"FileId\":\"5285890781763144364\",\"Definition\":10}");
    }
}
