using System.Diagnostics;
using System.Globalization;
using Admissions.Application;
using Admissions.Drill;
using Admissions.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// The failover drill (scripts/drill): PostgreSQL, Redis and HAProxy are started by the script; this program starts the
// app nodes, then each round kills (SIGKILL) the node a signed-in coordinator is on and checks that nothing was lost.
// It prints one line per round and ends with the summary line; the exit code is 1 if anything was lost, duplicated or
// missing, or a step of a round failed.
var options = DrillOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(DrillOptions.Usage);
    return 2;
}

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var services = new ServiceCollection();
services.AddLogging();
services.AddApplication().AddInfrastructure(configuration, options.DataFolder);
await using var provider = services.BuildServiceProvider();
var database = new DrillDatabase(provider);

var nodes = options.Nodes.Select(n => new Node(n.Name, n.Port, options.Repository, new Dictionary<string, string>(), options.DataFolder)).ToList();
var watch = Stopwatch.StartNew();
try
{
    Console.WriteLine($"==> Starting {nodes[0].Name} (migrates the database and seeds the demo data once)");
    nodes[0].Start(seedDemoData: true);
    await nodes[0].WaitUntilReadyAsync(TimeSpan.FromMinutes(5));
    foreach (var node in nodes.Skip(1))
    {
        Console.WriteLine($"==> Starting {node.Name}");
        node.Start(seedDemoData: false);
        await node.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
    }

    Console.WriteLine($"==> Nodes ready after {watch.Elapsed.TotalSeconds:0} s; balancer {options.Balancer}");
    var apiKey = await database.CreateApiKeyAsync();
    await using var drill = await FailoverDrill.StartAsync(options, nodes, database, apiKey);
    var results = new List<RoundResult>();
    for (var round = 1; round <= options.Rounds; round++)
    {
        var result = await drill.RunRoundAsync(round);
        results.Add(result);
        Console.WriteLine(result.Describe());
    }

    var summary = Summary.Of(results);
    Console.WriteLine($"==> Drill took {watch.Elapsed.TotalSeconds:0} s");
    Console.WriteLine(summary.Line);
    return summary.Passed ? 0 : 1;
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or Microsoft.Playwright.PlaywrightException)
{
    Console.WriteLine($"drill: stopped: {ex.Message}");
    return 1;
}
finally
{
    foreach (var node in nodes)
    {
        await node.KillAsync();
        node.Dispose();
    }
}

/// <summary>What scripts/drill passes: rounds, the balancer's URL, the nodes' names and ports, the data and repository folders.</summary>
internal sealed record DrillOptions(int Rounds, Uri Balancer, IReadOnlyList<(string Name, int Port)> Nodes, string DataFolder, string Repository)
{
    public const string Usage = "usage: Admissions.Drill --rounds N --balancer URL --node NAME=PORT --node NAME=PORT --data DIR --repository DIR";

    public static DrillOptions? Parse(string[] args)
    {
        int rounds = 2;
        Uri? balancer = null;
        string? data = null, repository = null;
        var nodes = new List<(string, int)>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--rounds" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0:
                    rounds = n;
                    break;
                case "--balancer":
                    balancer = new Uri(value.TrimEnd('/') + "/");
                    break;
                case "--node" when value.Split('=') is [var name, var port] && int.TryParse(port, CultureInfo.InvariantCulture, out var p):
                    nodes.Add((name, p));
                    break;
                case "--data":
                    data = value;
                    break;
                case "--repository":
                    repository = value;
                    break;
                default:
                    return null;
            }
        }

        return balancer is null || data is null || repository is null || nodes.Count < 2 ? null : new DrillOptions(rounds, balancer, nodes, data, repository);
    }
}
