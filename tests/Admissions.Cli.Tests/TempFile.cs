namespace Admissions.Cli.Tests;

/// <summary>A file in the temp folder that is deleted when the test is done with it.</summary>
internal sealed class TempFile : IDisposable
{
    private TempFile(string path) => Path = path;

    public string Path { get; }

    public static TempFile WithText(string text, string extension)
    {
        var file = new TempFile(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{Guid.NewGuid():N}{extension}"));
        File.WriteAllText(file.Path, text);
        return file;
    }

    public void Dispose() => File.Delete(Path);
}
