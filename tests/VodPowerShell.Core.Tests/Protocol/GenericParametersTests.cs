using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using VodPowerShell.Core.Protocol;
using VodPowerShell.Core.Errors;
using Xunit;

namespace VodPowerShell.Core.Tests.Protocol
{
    public class GenericParametersTests
    {
        private static List<KeyValuePair<string, object?>> Parameters(params (string Name, object? Value)[] items)
        {
            var list = new List<KeyValuePair<string, object?>>();
            foreach (var (name, value) in items) list.Add(new(name, value));
            return list;
        }

        [Theory]
        [InlineData("SecretId")]
        [InlineData("signature")]
        [InlineData("SIGNATUREMETHOD")]
        [InlineData("Token")]
        [InlineData("Action")]
        [InlineData("Nonce")]
        [InlineData("Timestamp")]
        [InlineData("Authorization")]
        [InlineData("Signature_0")]
        public void NamesTheTransportSetsAreRefused(string name)
        {
            var ex = Assert.Throws<VodException>(() => GenericParameters.Validate(Parameters((name, "x"))));
            Assert.Equal("ReservedParameterName", ex.Error.ErrorId);
            Assert.Equal(VodErrorCategory.InvalidArgument, ex.Error.Category);
        }

        [Fact]
        public void V2FlattensListsFromZeroAndFormatsNumbersInvariantly()
        {
            var flat = GenericParameters.ToV2(Parameters(("msgHandle", new[] { "a", "b" }), ("ratio", 1.5), ("on", true)));

            Assert.Equal("a", flat["msgHandle.0"]);
            Assert.Equal("b", flat["msgHandle.1"]);
            Assert.Equal("1.5", flat["ratio"]);
            Assert.Equal("true", flat["on"]);
        }

        [Fact]
        public void V2RefusesNestedObjects() =>
            Assert.Throws<VodException>(() => GenericParameters.ToV2(Parameters(("task", new Hashtable { ["x"] = 1 }))));

        [Fact]
        public void V3WritesEachValueWithItsJsonType()
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                GenericParameters.WriteJson(writer, Parameters(("FileId", "a\"b"), ("Limit", 10), ("Flag", false),
                    ("Set", new object[] { 1, "x" }), ("Task", new Hashtable { ["Definition"] = 10 }), ("Empty", null)));
                writer.WriteEndObject();
            }

            Assert.Equal("{\"FileId\":\"a\\u0022b\",\"Limit\":10,\"Flag\":false,\"Set\":[1,\"x\"],\"Task\":{\"Definition\":10},\"Empty\":null}",
                Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }
}
