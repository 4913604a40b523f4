using System.Text;

namespace Admissions.Edi.Tests;

/// <summary>The fixture files copied to the test output, read exactly as stored (a BOM stays a BOM).</summary>
internal static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Text(string name) =>
        Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(Directory, name)));

    public static T Single<T>(string name)
        where T : X12Transaction =>
        Assert.IsType<T>(Assert.Single(X12.Read(Text(name)).Transactions));

    /// <summary>Every X12 fixture, ours and the peer corpus, by path relative to Fixtures/.</summary>
    public static IEnumerable<string> All() =>
        System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
            .Where(path => !path.Contains("LICENSES", StringComparison.Ordinal)
                && Path.GetExtension(path) != ".md"
                && !Path.GetFileName(path).StartsWith('.'))
            .Select(path => Path.GetRelativePath(Directory, path))
            .Order(StringComparer.Ordinal);
}
