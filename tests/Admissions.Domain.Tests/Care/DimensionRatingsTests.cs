using Admissions.Domain.Care;
using Admissions.Domain.Common;

namespace Admissions.Domain.Tests.Care;

public class DimensionRatingsTests
{
    [Fact]
    public void Ratings_from_0_to_4_are_kept_per_dimension()
    {
        var ratings = new DimensionRatings(0, 1, 2, 3, 4, 0);

        Assert.Equal(0, ratings.IntoxicationWithdrawal);
        Assert.Equal(1, ratings.Biomedical);
        Assert.Equal(2, ratings.EmotionalBehavioral);
        Assert.Equal(3, ratings.Readiness);
        Assert.Equal(4, ratings.Relapse);
        Assert.Equal(0, ratings.RecoveryEnvironment);
        Assert.Equal(4, ratings.Worst);
    }

    [Theory]
    [InlineData(1, -1)]
    [InlineData(1, 5)]
    [InlineData(2, -1)]
    [InlineData(2, 5)]
    [InlineData(3, -1)]
    [InlineData(3, 5)]
    [InlineData(4, -1)]
    [InlineData(4, 5)]
    [InlineData(5, -1)]
    [InlineData(5, 5)]
    [InlineData(6, -1)]
    [InlineData(6, 5)]
    public void A_rating_outside_0_to_4_is_rejected_naming_the_dimension(int dimension, int rating)
    {
        var values = new int[6];
        values[dimension - 1] = rating;

        var error = Assert.Throws<DomainRuleException>(() => new DimensionRatings(values[0], values[1], values[2], values[3], values[4], values[5]));

        Assert.Contains($"Dimension {dimension}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_ratings_are_equal()
    {
        Assert.Equal(new DimensionRatings(1, 2, 3, 4, 0, 1), new DimensionRatings(1, 2, 3, 4, 0, 1));
    }
}
