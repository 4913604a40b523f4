using Admissions.Edi;
using BenchmarkDotNet.Attributes;

namespace Admissions.Benchmarks;

/// <summary>The reader on one typical 271 and on a 5 MB batch, and the 270 writer.</summary>
[MemoryDiagnoser]
public class X12Benchmarks
{
    private string _typical271 = "";
    private string _batch271 = "";
    private readonly EligibilityRequest _request270 = Workloads.Request270;
    private readonly X12Envelope _envelope = Workloads.Envelope;

    [GlobalSetup]
    public void BuildInputs()
    {
        _typical271 = Workloads.Typical271;
        _batch271 = Workloads.Batch271;
    }

    [Benchmark]
    public X12Document ParseTypical271() => X12.Read(_typical271);

    [Benchmark]
    public X12Document ParseBatch271() => X12.Read(_batch271);

    [Benchmark]
    public string Write270() => X12.Write(_request270, _envelope);
}
