using System.Runtime.InteropServices;

namespace Admissions.Application.Common;

public static class DictionaryExtensions
{
    /// <summary>The value under <paramref name="key"/>, a new one added first when there is none.</summary>
    public static TValue GetOrAdd<TKey, TValue>(this Dictionary<TKey, TValue> values, TKey key)
        where TKey : notnull
        where TValue : new()
    {
        ref var value = ref CollectionsMarshal.GetValueRefOrAddDefault(values, key, out var exists);
        if (!exists)
        {
            value = new TValue();
        }

        return value!;
    }
}
