using Admissions.Application.Common;
using Admissions.Domain.Screening;
using Admissions.Domain.Security;
using Mediator;

namespace Admissions.Application.Screening;

/// <summary>The instrument definitions the screening form is drawn from: wording, options, skip conditions, bands.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record ListInstruments : IQuery<IReadOnlyList<InstrumentDefinition>>;

public sealed class ListInstrumentsHandler : IQueryHandler<ListInstruments, IReadOnlyList<InstrumentDefinition>>
{
    public ValueTask<IReadOnlyList<InstrumentDefinition>> Handle(ListInstruments query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<InstrumentDefinition>>(
            [.. InstrumentCatalog.Default.Instruments.OrderBy(i => i.Code)]);
}
