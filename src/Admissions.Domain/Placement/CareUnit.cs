namespace Admissions.Domain.Placement;

/// <summary>A wing, house or hall of a facility whose beds serve one program.</summary>
public sealed class CareUnit
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FacilityId { get; set; }
    public Guid ProgramId { get; set; }
    public string Name { get; set; } = "";
    public bool IsActive { get; set; } = true;
}
