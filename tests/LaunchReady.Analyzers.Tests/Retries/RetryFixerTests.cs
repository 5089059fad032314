using System.Threading;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LaunchReady.Analyzers.Tests.Retries
{
    public class RetryFixerTests
    {
        private static Task Verify(string source, string fixedSource) =>
            new CSharpCodeFixTest<LaunchReady.Analyzers.Retries.PollyRetryAnalyzer, LaunchReady.CodeFixes.Retries.RetryFixer, DefaultVerifier>
            {
                TestCode = source,
                FixedCode = fixedSource,
                ReferenceAssemblies = TestReferences.AspNet80WithResilience,

                // LR0040 and LR0041 fixes have different titles, so fix-all applies them in two passes.
                NumberOfFixAllIterations = 2,
            }.RunAsync(CancellationToken.None);

        [Fact]
        public async Task PollyV7ForeverAndImmediateRetries_BecomeBoundedExponentialWithJitter()
        {
            await Verify(
                """
                using System;
                using System.Net.Http;
                using Polly;

                public static class Policies
                {
                    public static readonly ISyncPolicy A = Policy.Handle<HttpRequestException>().{|LR0040:RetryForever()|};
                    public static readonly IAsyncPolicy B = Policy.Handle<HttpRequestException>().{|LR0040:WaitAndRetryForeverAsync(_ => TimeSpan.FromSeconds(1))|};
                    public static readonly ISyncPolicy C = Policy.Handle<HttpRequestException>().{|LR0041:Retry(5)|};
                }
                """,
                """
                using System;
                using System.Net.Http;
                using Polly;

                public static class Policies
                {
                    public static readonly ISyncPolicy A = Policy.Handle<HttpRequestException>().WaitAndRetry(3, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)) + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250)));
                    public static readonly IAsyncPolicy B = Policy.Handle<HttpRequestException>().WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)) + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250)));
                    public static readonly ISyncPolicy C = Policy.Handle<HttpRequestException>().WaitAndRetry(5, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)) + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250)));
                }
                """);
        }

        [Fact]
        public async Task PollyV8Options_GetBoundedAttemptsExponentialBackoffAndJitter()
        {
            await Verify(
                """
                using System;
                using Microsoft.Extensions.DependencyInjection;
                using Polly;
                using Polly.Retry;

                public static class Pipelines
                {
                    public static void Add(IServiceCollection services)
                    {
                        new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions { MaxRetryAttempts = {|LR0040:int.MaxValue|} });
                        new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3, BackoffType = {|LR0041:DelayBackoffType.Constant|} });
                        services.AddHttpClient("b").AddStandardResilienceHandler(o =>
                        {
                            o.Retry.BackoffType = {|LR0041:DelayBackoffType.Constant|};
                            o.Retry.UseJitter = false;
                        });
                    }
                }
                """,
                """
                using System;
                using Microsoft.Extensions.DependencyInjection;
                using Polly;
                using Polly.Retry;

                public static class Pipelines
                {
                    public static void Add(IServiceCollection services)
                    {
                        new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3 });
                        new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3, BackoffType = DelayBackoffType.Exponential, UseJitter = true });
                        services.AddHttpClient("b").AddStandardResilienceHandler(o =>
                        {
                            o.Retry.BackoffType = DelayBackoffType.Exponential;
                            o.Retry.UseJitter = true;
                        });
                    }
                }
                """);
        }
    }
}
