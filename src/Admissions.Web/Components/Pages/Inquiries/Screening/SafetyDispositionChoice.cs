using Admissions.Domain.Screening;

namespace Admissions.Web.Components.Pages.Inquiries.Screening;

public sealed record SafetyDispositionChoice(SafetyDisposition Disposition, string Note);
