using System.Threading.Tasks;
using Xunit;
using VerifyFix = LaunchReady.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LaunchReady.Analyzers.Urls.HardcodedUrlAnalyzer,
    LaunchReady.CodeFixes.Urls.HardcodedUrlFixer>;

namespace LaunchReady.Analyzers.Tests.Urls
{
    public class HardcodedUrlFixerTests
    {
        [Fact]
        public async Task PlainHttpLiteral_IsRewrittenToHttps()
        {
            await VerifyFix.VerifyCodeFixAsync(
                """
                public class Partner
                {
                    public static readonly System.Uri Api = new System.Uri("{|LR0011:http://api.partner-shop.com|}/v1");
                    public const string Cdn = @"{|LR0011:http://cdn.partner-shop.com|}";
                }
                """,
                """
                public class Partner
                {
                    public static readonly System.Uri Api = new System.Uri("https://api.partner-shop.com/v1");
                    public const string Cdn = @"https://cdn.partner-shop.com";
                }
                """);
        }

        [Fact]
        public async Task InterpolatedUrl_IsRewrittenInPlace()
        {
            await VerifyFix.VerifyCodeFixAsync(
                """
                public class Partner
                {
                    public static string Order(int id) => $"{|LR0011:http://api.partner-shop.com|}/orders/{id}";
                }
                """,
                """
                public class Partner
                {
                    public static string Order(int id) => $"https://api.partner-shop.com/orders/{id}";
                }
                """);
        }

        [Fact]
        public async Task FoldedConcatenation_OffersNoFix()
        {
            // The finding covers the whole expression, so there is no single literal to rewrite.
            const string source = """
                public class Partner
                {
                    public const string Api = {|LR0011:"http://api." + "partner-shop.com"|};
                }
                """;
            await VerifyFix.VerifyCodeFixAsync(source, source);
        }
    }
}
