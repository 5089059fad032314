using System.Threading.Tasks;
using Xunit;
using VerifyCS = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.Retries.RetryLoopAnalyzer>;

namespace LaunchReady.Analyzers.Tests.Retries
{
    public class RetryLoopAnalyzerTests
    {
        [Fact]
        public async Task EndlessRetryLoops_ReportLR0040()
        {
            await VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Threading.Tasks;

                public class Payments
                {
                    public async Task<string> ChargeAsync()
                    {
                        {|#0:while|} (true)
                        {
                            try
                            {
                                return await CallAsync();
                            }
                            catch (Exception)
                            {
                                await Task.Delay(1000);
                            }
                        }
                    }

                    public async Task SendAsync()
                    {
                        {|#1:for|} (;;)
                        {
                            try { await CallAsync(); break; }
                            catch { await Task.Delay(500); }
                        }
                    }

                    public async Task NotifyAsync()
                    {
                        var done = false;
                        {|#2:while|} (!done)
                        {
                            try { await CallAsync(); done = true; }
                            catch (TimeoutException) { await Task.Delay(200); }
                        }
                    }

                    public async Task PollAsync()
                    {
                        {|#3:do|}
                        {
                            try { await CallAsync(); return; }
                            catch { await Task.Delay(100); }
                        }
                        while (true);
                    }

                    public void Sync()
                    {
                    retry:
                        try { Call(); }
                        catch (Exception) { {|#4:goto retry;|} }
                    }

                    private static Task<string> CallAsync() => Task.FromResult("ok");

                    private static void Call() { }
                }
                """,
                VerifyCS.Diagnostic("LR0040").WithLocation(0).WithArguments("This retry loop", "retries without end"),
                VerifyCS.Diagnostic("LR0040").WithLocation(1).WithArguments("This retry loop", "retries without end"),
                VerifyCS.Diagnostic("LR0040").WithLocation(2).WithArguments("This retry loop", "retries without end"),
                VerifyCS.Diagnostic("LR0040").WithLocation(3).WithArguments("This retry loop", "retries without end"),
                VerifyCS.Diagnostic("LR0040").WithLocation(4).WithArguments("This goto retry", "retries without end"));
        }

        [Fact]
        public async Task BoundedRetryLoops_WithBackoff_AreFine()
        {
            await VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Diagnostics;
                using System.Threading;
                using System.Threading.Tasks;

                public class Payments
                {
                    public async Task<string> CounterAsync()
                    {
                        var attempt = 0;
                        while (true)
                        {
                            try { return await CallAsync(); }
                            catch (Exception) when (attempt < 3)
                            {
                                attempt++;
                                await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Pow(2, attempt)));
                            }
                        }
                    }

                    public async Task<string> RethrowAsync()
                    {
                        for (var i = 0; ; i++)
                        {
                            try { return await CallAsync(); }
                            catch
                            {
                                if (i >= 4) throw;
                                await Task.Delay(200 << i);
                            }
                        }
                    }

                    public async Task<string> CancellableAsync(CancellationToken token)
                    {
                        while (!token.IsCancellationRequested)
                        {
                            try { return await CallAsync(); }
                            catch { await Task.Delay(Random.Shared.Next(500, 1500), token); }
                        }

                        return "";
                    }

                    public async Task<string> DeadlineAsync()
                    {
                        var clock = Stopwatch.StartNew();
                        var pause = 100;
                        while (true)
                        {
                            try { return await CallAsync(); }
                            catch
                            {
                                if (clock.Elapsed > TimeSpan.FromSeconds(10)) throw;
                                await Task.Delay(pause);
                                pause *= 2;
                            }
                        }
                    }

                    private static Task<string> CallAsync() => Task.FromResult("ok");
                }
                """);
        }

        [Fact]
        public async Task ProcessingLoopsThatKeepGoingAfterErrors_AreNotRetries()
        {
            await VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Threading.Tasks;

                public class Consumer
                {
                    public async Task RunAsync()
                    {
                        while (true)
                        {
                            try { await HandleNextMessageAsync(); }
                            catch (Exception ex) { Console.WriteLine(ex.Message); }
                        }
                    }

                    private static Task HandleNextMessageAsync() => Task.CompletedTask;
                }
                """);
        }

        [Fact]
        public async Task BoundedRetriesWithoutAWait_ReportLR0041()
        {
            await VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Threading.Tasks;

                public class Payments
                {
                    public async Task<string> ChargeAsync()
                    {
                        {|#0:for|} (var attempt = 0; attempt < 3; attempt++)
                        {
                            try { return await CallAsync(); }
                            catch (TimeoutException) { }
                        }

                        throw new InvalidOperationException("gave up");
                    }

                    public void Sync()
                    {
                        var tries = 0;
                    retry:
                        try { Call(); }
                        catch (Exception) { if (++tries < 3) {|#1:goto retry;|} }
                    }

                    private static Task<string> CallAsync() => Task.FromResult("ok");

                    private static void Call() { }
                }
                """,
                VerifyCS.Diagnostic("LR0041").WithLocation(0).WithArguments("This retry loop"),
                VerifyCS.Diagnostic("LR0041").WithLocation(1).WithArguments("This goto retry"));
        }

        [Fact]
        public async Task BoundedRetriesThatWaitAConstantTime_ReportLR0041()
        {
            await VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;

                public class Payments(HttpClient http)
                {
                    private const int PauseMilliseconds = 500;

                    public async Task<string> ChargeAsync(CancellationToken token)
                    {
                        {|#0:for|} (var attempt = 1; ; attempt++)
                        {
                            try { return await http.GetStringAsync("/charge", token); }
                            catch (HttpRequestException) when (attempt < 3) { await Task.Delay(1000, token); }
                        }
                    }

                    public string Sync()
                    {
                        {|#1:for|} (var attempt = 0; attempt < 5; attempt++)
                        {
                            try { return Call(); }
                            catch (TimeoutException) { Thread.Sleep(TimeSpan.FromSeconds(2)); }
                        }

                        throw new InvalidOperationException("gave up");
                    }

                    public void Goto()
                    {
                        var tries = 0;
                    retry:
                        try { Call(); }
                        catch (Exception) { Thread.Sleep(PauseMilliseconds); if (++tries < 3) {|#2:goto retry;|} }
                    }

                    public async Task<string> GrowingAsync(CancellationToken token)
                    {
                        for (var attempt = 1; ; attempt++)
                        {
                            try { return await http.GetStringAsync("/charge", token); }
                            catch (HttpRequestException) when (attempt < 3) { await Task.Delay(TimeSpan.FromSeconds(attempt * attempt), token); }
                        }
                    }

                    private static string Call() => "ok";
                }
                """,
                VerifyCS.Diagnostic("LR0041").WithLocation(0).WithArguments("This retry loop"),
                VerifyCS.Diagnostic("LR0041").WithLocation(1).WithArguments("This retry loop"),
                VerifyCS.Diagnostic("LR0041").WithLocation(2).WithArguments("This goto retry"));
        }
    }
}
