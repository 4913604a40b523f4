using Admissions.Application.Placement;

namespace Admissions.Application.Tests.Placement;

public class NaturalKeyTests
{
    [Fact]
    public void Bed_labels_sort_with_their_numbers_compared_as_numbers()
    {
        string[] labels = ["D-10", "D-2", "C-9", "D-1", "Room 3B", "Room 12A", "Annex"];

        var sorted = labels.OrderBy(Placements.NaturalKey, StringComparer.Ordinal);

        Assert.Equal(["Annex", "C-9", "D-1", "D-2", "D-10", "Room 3B", "Room 12A"], sorted);
        Assert.Equal("D-000010", Placements.NaturalKey("D-10"));
        Assert.Equal("", Placements.NaturalKey(""));
    }
}
