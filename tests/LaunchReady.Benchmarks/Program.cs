using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace LaunchReady.Benchmarks
{
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "corpus")
            {
                return await CorpusBench.RunAsync();
            }

            if (args.Length > 1 && args[0] == "corpus-one")
            {
                return await CorpusBench.OneAsync(args[1]);
            }

            if (args.Length > 0 && args[0] == "incremental")
            {
                return IncrementalBench.Run();
            }

            if (args.Length > 0 && args[0] == "bundle")
            {
                return BundleBench.Run();
            }

            if (args.Length > 1 && args[0] == "smoke")
            {
                return await CorpusBench.SmokeAsync(args[1]);
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }
    }
}
