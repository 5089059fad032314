using System.Threading.Tasks;
using LaunchReady.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.Retries.PollyRetryAnalyzer>;

namespace LaunchReady.Analyzers.Tests.Retries
{
    public class PollyRetryAnalyzerTests
    {
        private static Task Verify(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        {
            var test = new VerifyCS.Test { TestCode = source, ReferenceAssemblies = TestReferences.AspNet80WithResilience };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        [Fact]
        public async Task PollyV7ForeverForms_ReportLR0040()
        {
            await Verify("""
                using System;
                using System.Net.Http;
                using Polly;

                public static class Policies
                {
                    public static readonly ISyncPolicy A = Policy.Handle<HttpRequestException>().{|#0:RetryForever()|};
                    public static readonly IAsyncPolicy B = Policy.Handle<HttpRequestException>().{|#1:RetryForeverAsync()|};
                    public static readonly ISyncPolicy C = Policy.Handle<HttpRequestException>().{|#2:WaitAndRetryForever(_ => TimeSpan.FromSeconds(1))|};
                    public static readonly IAsyncPolicy<HttpResponseMessage> D = Policy<HttpResponseMessage>.Handle<HttpRequestException>().{|#3:WaitAndRetryForeverAsync(a => TimeSpan.FromSeconds(Math.Pow(2, a)))|};
                    public static readonly ISyncPolicy E = Policy.Handle<HttpRequestException>().WaitAndRetry({|#4:int.MaxValue|}, a => TimeSpan.FromSeconds(a));
                }
                """,
                VerifyCS.Diagnostic("LR0040").WithLocation(0).WithArguments("'RetryForever'", "retries without end"),
                VerifyCS.Diagnostic("LR0040").WithLocation(1).WithArguments("'RetryForeverAsync'", "retries without end"),
                VerifyCS.Diagnostic("LR0040").WithLocation(2).WithArguments("'WaitAndRetryForever'", "retries without end"),
                VerifyCS.Diagnostic("LR0040").WithLocation(3).WithArguments("'WaitAndRetryForeverAsync'", "retries without end"),
                VerifyCS.Diagnostic("LR0040").WithLocation(4).WithArguments("'WaitAndRetry'", "retries without end"));
        }

        [Fact]
        public async Task PollyV7RetriesWithoutBackoff_ReportLR0041()
        {
            await Verify("""
                using System;
                using System.Net.Http;
                using Polly;

                public static class Policies
                {
                    public static readonly ISyncPolicy A = Policy.Handle<HttpRequestException>().{|#0:Retry(3)|};
                    public static readonly IAsyncPolicy B = Policy.Handle<HttpRequestException>().{|#1:RetryAsync()|};
                    public static readonly ISyncPolicy C = Policy.Handle<HttpRequestException>().{|#2:WaitAndRetry(3, _ => TimeSpan.FromSeconds(2))|};
                    public static readonly ISyncPolicy D = Policy.Handle<HttpRequestException>().{|#3:WaitAndRetry(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1) })|};
                }
                """,
                VerifyCS.Diagnostic("LR0041").WithLocation(0).WithArguments("'Retry'"),
                VerifyCS.Diagnostic("LR0041").WithLocation(1).WithArguments("'RetryAsync'"),
                VerifyCS.Diagnostic("LR0041").WithLocation(2).WithArguments("'WaitAndRetry'"),
                VerifyCS.Diagnostic("LR0041").WithLocation(3).WithArguments("'WaitAndRetry'"));
        }

        [Fact]
        public async Task PollyV7BoundedRetriesWithBackoffOrJitter_AreFine()
        {
            await Verify("""
                using System;
                using System.Net.Http;
                using Polly;

                public static class Policies
                {
                    public static readonly ISyncPolicy A = Policy.Handle<HttpRequestException>().WaitAndRetry(3, a => TimeSpan.FromSeconds(Math.Pow(2, a)));
                    public static readonly ISyncPolicy B = Policy.Handle<HttpRequestException>().WaitAndRetry(3, _ => TimeSpan.FromMilliseconds(200 + Random.Shared.Next(0, 100)));
                    public static readonly ISyncPolicy C = Policy.Handle<HttpRequestException>().WaitAndRetry(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) });
                    public static readonly ISyncPolicy D = Policy.Handle<HttpRequestException>().CircuitBreaker(5, TimeSpan.FromSeconds(30));
                }
                """);
        }

        [Fact]
        public async Task PollyV7ForeverWithCappedExponentialBackoffInAWorker_IsTheDocumentedPattern()
        {
            await Verify("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Hosting;
                using Polly;

                public sealed class OutboxWorker : BackgroundService
                {
                    private static readonly IAsyncPolicy Reconnect = Policy.Handle<Exception>()
                        .WaitAndRetryForeverAsync(a => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, a))));

                    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
                }
                """);
        }

        [Fact]
        public async Task HttpRetryOptions_KeepTheirJitterAndExponentialDefaults_WhenOnlyOtherPropertiesAreSet()
        {
            await Verify("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Hosting;
                using Microsoft.Extensions.Http.Resilience;
                using Polly;

                public static class Clients
                {
                    public static void Add(IServiceCollection services)
                    {
                        // Constant backoff, but HttpRetryStrategyOptions still adds jitter.
                        services.AddHttpClient("a").AddStandardResilienceHandler(o => o.Retry.BackoffType = DelayBackoffType.Constant);
                        var retry = new HttpRetryStrategyOptions { MaxRetryAttempts = 5, BackoffType = DelayBackoffType.Constant };
                        services.AddHttpClient("b").AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = {|#0:11|});
                    }
                }

                public sealed class OutboxRelay : BackgroundService
                {
                    // Polly's background pattern: exponential by default, capped, in a hosted service.
                    private readonly HttpRetryStrategyOptions _retry = new() { MaxRetryAttempts = int.MaxValue, MaxDelay = TimeSpan.FromMinutes(1) };

                    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
                }
                """,
                VerifyCS.Diagnostic("LR0040").WithLocation(0).WithArguments("This retry strategy", "retries 11 times, more than the 10 accepted"));
        }

        [Fact]
        public async Task PollyV8Options_TooManyAttemptsNoDelayOrConstantWithoutJitter_Report()
        {
            await Verify("""
                using System;
                using Microsoft.Extensions.DependencyInjection;
                using Polly;
                using Polly.Retry;

                public static class Pipelines
                {
                    public static void Add(IServiceCollection services)
                    {
                        new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions { MaxRetryAttempts = {|#0:int.MaxValue|} });
                        new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions { MaxRetryAttempts = {|#1:50|}, BackoffType = DelayBackoffType.Exponential, UseJitter = true });
                        new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3, Delay = {|#2:TimeSpan.Zero|}, BackoffType = DelayBackoffType.Exponential, UseJitter = true });
                        new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3, BackoffType = {|#3:DelayBackoffType.Constant|} });
                        services.AddHttpClient("a").AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = {|#4:100|});
                        services.AddHttpClient("b").AddStandardResilienceHandler(o =>
                        {
                            o.Retry.BackoffType = {|#5:DelayBackoffType.Constant|};
                            o.Retry.UseJitter = false;
                        });
                    }
                }
                """,
                VerifyCS.Diagnostic("LR0040").WithLocation(0).WithArguments("This retry strategy", "retries without end"),
                VerifyCS.Diagnostic("LR0040").WithLocation(1).WithArguments("This retry strategy", "retries 50 times, more than the 10 accepted"),
                VerifyCS.Diagnostic("LR0041").WithLocation(2).WithArguments("This retry strategy"),
                VerifyCS.Diagnostic("LR0041").WithLocation(3).WithArguments("This retry strategy"),
                VerifyCS.Diagnostic("LR0040").WithLocation(4).WithArguments("This retry strategy", "retries 100 times, more than the 10 accepted"),
                VerifyCS.Diagnostic("LR0041").WithLocation(5).WithArguments("This retry strategy"));
        }

        [Fact]
        public async Task PollyV8Options_BoundedWithBackoffAndTheWorkerPattern_AreFine()
        {
            await Verify("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Hosting;
                using Polly;
                using Polly.Retry;

                public static class Pipelines
                {
                    public static void Add(IServiceCollection services)
                    {
                        new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3, BackoffType = DelayBackoffType.Exponential, UseJitter = true });
                        new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions { BackoffType = DelayBackoffType.Constant, UseJitter = true });
                        new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions());
                        services.AddHttpClient("a").AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 5);
                    }
                }

                public sealed class QueueWorker : BackgroundService
                {
                    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions
                        {
                            MaxRetryAttempts = int.MaxValue,
                            BackoffType = DelayBackoffType.Exponential,
                            UseJitter = true,
                            MaxDelay = TimeSpan.FromMinutes(1),
                        })
                        .Build();

                    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
                }
                """);
        }

        [Fact]
        public async Task WithoutPolly_NothingRuns()
        {
            await VerifyCS.VerifyAnalyzerAsync("public static class Policy { public static void RetryForever() { } public static void M() => RetryForever(); }");
        }
    }
}
