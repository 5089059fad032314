using System.Collections.Immutable;
using LaunchReady.Analyzers.Urls;
using Xunit;

namespace LaunchReady.Analyzers.Tests.Urls
{
    public class HostClassifierTests
    {
        [Theory]
        [InlineData("LOCALHOST", EndpointKind.Loopback)]
        [InlineData("localhost.", EndpointKind.Loopback)]
        [InlineData("127.255.255.254", EndpointKind.Loopback)]
        [InlineData("[::ffff:127.0.0.1]", EndpointKind.Loopback)]
        [InlineData("[0:0:0:0:0:0:0:1]", EndpointKind.Loopback)]
        [InlineData("::1", EndpointKind.Loopback)]
        [InlineData("172.15.0.1", EndpointKind.None)]
        [InlineData("172.32.0.1", EndpointKind.None)]
        [InlineData("256.1.1.1", EndpointKind.None)]
        [InlineData("10.0.0", EndpointKind.None)]
        [InlineData("1234", EndpointKind.None)]
        [InlineData("0x7f000001", EndpointKind.None)]
        [InlineData("[2001:db8::1]", EndpointKind.None)]
        [InlineData("ngrok.io", EndpointKind.None)]
        [InlineData("local", EndpointKind.None)]
        [InlineData(".local", EndpointKind.None)]
        [InlineData("printer.home.arpa", EndpointKind.InternalDomain)]
        public void Classify_BuiltInKinds(string host, EndpointKind expected)
        {
            Assert.Equal(expected, HostClassifier.Classify(host, ImmutableArray<string>.Empty));
        }

        [Theory]
        [InlineData("staging.shop.com", "staging.shop.com", true)]
        [InlineData("STAGING.shop.com", "staging.shop.com", true)]
        [InlineData("api.staging.shop.com", "staging.shop.com", false)]
        [InlineData("api.dev.shop.com", "*.dev.shop.com", true)]
        [InlineData("dev.shop.com", "*.dev.shop.com", false)]
        [InlineData("dev-orders.shop.com", "dev-*.shop.com", true)]
        [InlineData("orders.shop.com", "dev-*.shop.com", false)]
        [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c", false)]
        public void ConfiguredPatterns_MatchHostsAndSubdomains(string host, string pattern, bool expected)
        {
            Assert.Equal(expected, HostClassifier.MatchesAny(host, ImmutableArray.Create(pattern)));
        }
    }
}
