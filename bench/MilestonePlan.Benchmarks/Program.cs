using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(MilestonePlan.Benchmarks.ValidationBenchmarks).Assembly).Run(args);
