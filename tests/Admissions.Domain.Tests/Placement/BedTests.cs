using Admissions.Domain.Common;
using Admissions.Domain.Placement;

namespace Admissions.Domain.Tests.Placement;

public class BedTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);
    private static readonly Actor Casey = new("u1", "Casey Nguyen");
    private static readonly Guid InquiryA = Guid.NewGuid();
    private static readonly Guid InquiryB = Guid.NewGuid();

    private static Bed NewBed() => Bed.Create(Guid.NewGuid(), " D-4 ", Now.AddDays(-1));

    [Fact]
    public void A_new_bed_is_available_with_its_label_trimmed()
    {
        var bed = NewBed();

        Assert.Equal(BedState.Available, bed.State);
        Assert.Equal("D-4", bed.Label);
        Assert.True(bed.IsFree(Now));
    }

    [Fact]
    public void Reserving_holds_the_bed_for_the_inquiry_until_the_expiry_and_says_who()
    {
        var bed = NewBed();

        bed.Reserve(InquiryA, Now.AddHours(24), Casey, Now);

        Assert.Equal(BedState.Reserved, bed.State);
        Assert.Equal((InquiryA, Now.AddHours(24), Now, "u1", "Casey Nguyen"),
            (bed.ReservedForInquiryId!.Value, bed.ReservedUntil!.Value, bed.ReservedAt!.Value, bed.ReservedById, bed.ReservedByName));
        Assert.False(bed.IsFree(Now.AddHours(23)));
        Assert.False(bed.IsReservationExpired(Now.AddHours(23)));
        Assert.True(bed.IsReservationExpired(Now.AddHours(24)));
        Assert.True(bed.IsFree(Now.AddHours(24)));
    }

    [Fact]
    public void A_bed_held_for_someone_else_is_refused_with_a_message_naming_it()
    {
        var bed = NewBed();
        bed.Reserve(InquiryA, Now.AddHours(24), Casey, Now);

        var error = Assert.Throws<DomainRuleException>(() => bed.Reserve(InquiryB, Now.AddHours(5), Casey, Now.AddMinutes(1)));

        Assert.Equal("Bed D-4 was just taken; choose another.", error.Message);
        Assert.Equal(InquiryA, bed.ReservedForInquiryId);
    }

    [Fact]
    public void Reserving_again_for_the_same_inquiry_moves_the_expiry_and_keeps_when_it_was_first_reserved()
    {
        var bed = NewBed();
        bed.Reserve(InquiryA, Now.AddHours(24), Casey, Now);

        bed.Reserve(InquiryA, Now.AddHours(48), Casey, Now.AddHours(2));

        Assert.Equal(Now.AddHours(48), bed.ReservedUntil);
        Assert.Equal(Now, bed.ReservedAt);
    }

    [Fact]
    public void An_expired_reservation_does_not_stop_someone_else_reserving()
    {
        var bed = NewBed();
        bed.Reserve(InquiryA, Now.AddHours(1), Casey, Now);

        bed.Reserve(InquiryB, Now.AddHours(30), Casey, Now.AddHours(2));

        Assert.Equal(InquiryB, bed.ReservedForInquiryId);
        Assert.Equal(Now.AddHours(2), bed.ReservedAt);
    }

    [Fact]
    public void A_reservation_must_end_in_the_future()
    {
        var bed = NewBed();

        Assert.Throws<DomainRuleException>(() => bed.Reserve(InquiryA, Now, Casey, Now));
        Assert.Equal(BedState.Available, bed.State);
    }

    [Theory]
    [InlineData(BedState.Occupied)]
    [InlineData(BedState.Cleaning)]
    [InlineData(BedState.OutOfService)]
    public void Occupied_cleaning_and_out_of_service_beds_cannot_be_reserved(BedState state)
    {
        var bed = InState(state);

        Assert.Throws<DomainRuleException>(() => bed.Reserve(InquiryB, Now.AddHours(5), Casey, Now));
        Assert.Equal(state, bed.State);
    }

    [Fact]
    public void Releasing_makes_the_bed_available_and_forgets_the_reservation()
    {
        var bed = NewBed();
        bed.Reserve(InquiryA, Now.AddHours(24), Casey, Now);

        bed.Release(Now.AddHours(1));

        Assert.Equal(BedState.Available, bed.State);
        Assert.Null(bed.ReservedForInquiryId);
        Assert.Null(bed.ReservedUntil);
        Assert.Null(bed.ReservedByName);
        Assert.Equal(Now.AddHours(1), bed.StateChangedAt);
        Assert.Throws<DomainRuleException>(() => bed.Release(Now.AddHours(2)));
    }

    [Fact]
    public void The_reserved_patient_occupies_the_bed_and_discharge_sends_it_to_cleaning_then_available()
    {
        var bed = NewBed();
        bed.Reserve(InquiryA, Now.AddHours(24), Casey, Now);

        bed.Occupy(InquiryA, Now.AddHours(3));
        Assert.Equal((BedState.Occupied, InquiryA, (Guid?)null), (bed.State, bed.OccupiedByInquiryId!.Value, bed.ReservedForInquiryId));
        Assert.Throws<DomainRuleException>(() => bed.MarkAvailable(Now.AddHours(4)));

        bed.MarkCleaning(Now.AddDays(30));
        Assert.Equal(BedState.Cleaning, bed.State);
        Assert.Null(bed.OccupiedByInquiryId);

        bed.MarkAvailable(Now.AddDays(30).AddHours(1));
        Assert.Equal(BedState.Available, bed.State);
    }

    [Fact]
    public void Someone_else_cannot_occupy_a_bed_held_for_another_inquiry()
    {
        var bed = NewBed();
        bed.Reserve(InquiryA, Now.AddHours(24), Casey, Now);

        Assert.Throws<DomainRuleException>(() => bed.Occupy(InquiryB, Now.AddHours(1)));
        Assert.Equal(InquiryA, bed.ReservedForInquiryId);
    }

    [Fact]
    public void Out_of_service_needs_a_reason_and_a_free_bed_and_back_in_service_clears_the_reason()
    {
        var bed = NewBed();
        Assert.Throws<DomainRuleException>(() => bed.TakeOutOfService("  ", Now));

        bed.TakeOutOfService(" Leaking sink ", Now);
        Assert.Equal((BedState.OutOfService, "Leaking sink"), (bed.State, bed.OutOfServiceReason));

        bed.MarkAvailable(Now.AddHours(1));
        Assert.Equal(BedState.Available, bed.State);
        Assert.Null(bed.OutOfServiceReason);

        var occupied = InState(BedState.Occupied);
        Assert.Throws<DomainRuleException>(() => occupied.TakeOutOfService("Leak", Now));
        var reserved = InState(BedState.Reserved);
        Assert.Throws<DomainRuleException>(() => reserved.TakeOutOfService("Leak", Now));
        Assert.Throws<DomainRuleException>(() => reserved.MarkCleaning(Now));
        Assert.Throws<DomainRuleException>(() => reserved.MarkAvailable(Now));
    }

    private static Bed InState(BedState state)
    {
        var bed = NewBed();
        switch (state)
        {
            case BedState.Reserved:
                bed.Reserve(InquiryA, Now.AddHours(24), Casey, Now.AddMinutes(-5));
                break;
            case BedState.Occupied:
                bed.Occupy(InquiryA, Now.AddMinutes(-5));
                break;
            case BedState.Cleaning:
                bed.MarkCleaning(Now.AddMinutes(-5));
                break;
            case BedState.OutOfService:
                bed.TakeOutOfService("Repairs", Now.AddMinutes(-5));
                break;
        }

        return bed;
    }
}
