using System.Linq;
using LaunchReady.Analyzers.Infrastructure;
using LaunchReady.Detection.Config;
using Xunit;

namespace LaunchReady.Analyzers.Tests.Infrastructure
{
    public class NameWordsTests
    {
        private static readonly System.Collections.Generic.HashSet<string> HostWords = NameWords.Set("host", "url", "ip");

        [Theory]
        [InlineData("ApiBaseUrl", true)]
        [InlineData("api_base_url", true)]
        [InlineData("REDIS_HOST", true)]
        [InlineData("ServerIP", true)]
        [InlineData("ipString", true)]
        [InlineData("Redis:Host", true)]
        [InlineData("zipCode", false)]
        [InlineData("description", false)]
        [InlineData("hostile", false)]
        [InlineData("curly", false)]
        [InlineData(null, false)]
        public void ContainsAny_MatchesWholeWordsOnly(string? name, bool expected)
        {
            Assert.Equal(expected, NameWords.ContainsAny(name, HostWords));
        }
    }

    public class JsonStringReaderTests
    {
        [Fact]
        public void ReadsValuesWithConfigurationPathsAndRawOffsets()
        {
            const string json = """
                {
                  // comment with "quotes"
                  "A": { "B": "one", /* block */ "C": [ "two", 3, true, "four" ] },
                  "D": "f\"ive",
                  "E": 5,
                  "Sinks": [ { "Args": { "apiKey": "six" } }, [ "seven" ] ],
                }
                """;
            var values = JsonStringReader.ReadStringValues(json);

            Assert.Equal(new[] { "A:B", "A:C:0", "A:C:3", "D", "Sinks:0:Args:apiKey", "Sinks:1:0" }, values.Select(v => v.Path));
            Assert.Equal(new[] { "B", "C", "C", "D", "apiKey", "Sinks" }, values.Select(v => v.LastKey));
            Assert.Equal(new[] { "one", "two", "four", "f\\\"ive", "six", "seven" }, values.Select(v => v.RawText));
            Assert.All(values, v => Assert.Equal(v.RawText, json.Substring(v.Start, v.RawText.Length)));
        }

        [Theory]
        [InlineData(@"plain", "plain")]
        [InlineData(@"a\/b\""c\\d", "a/b\"c\\d")]
        [InlineData(@"\u0041x\n", "Ax\n")]
        [InlineData(@"bad\q\u12", "bad\\q\\u12")]
        public void JsonEscapes_DecodeAndMapBackToTheWrittenText(string written, string decoded)
        {
            Assert.Equal(decoded, JsonStringValue.Unescape(written));
            for (var i = 0; i < decoded.Length; i++)
            {
                // Each decoded character starts where its written form starts.
                Assert.Equal(decoded[i], JsonStringValue.Unescape(written.Substring(JsonStringValue.WrittenOffset(written, i)))[0]);
            }

            Assert.Equal(written.Length, JsonStringValue.WrittenOffset(written, decoded.Length));
        }

        [Theory]
        [InlineData("")]
        [InlineData("{")]
        [InlineData("\"unterminated")]
        [InlineData("}}]]")]
        [InlineData("{ \"a\": \"b\\")]
        [InlineData("/*")]
        public void BrokenInput_NeverThrows(string json)
        {
            _ = JsonStringReader.ReadStringValues(json);
        }
    }

    public class TestCodeFilterTests
    {
        [Theory]
        [InlineData("MyShop.Tests", true)]
        [InlineData("MyShop.UnitTests", true)]
        [InlineData("MyShop.Api.Test", true)]
        [InlineData("MyShop.Specs", true)]
        [InlineData("MyShop.Api", false)]
        [InlineData("Contest", false)]
        [InlineData("MyShop.Testing.Helpers", false)]
        [InlineData(null, false)]
        public void AssemblyName_DecidesTestProjects(string? name, bool expected)
        {
            Assert.Equal(expected, TestCodeFilter.IsTestAssemblyName(name));
        }
    }
}
