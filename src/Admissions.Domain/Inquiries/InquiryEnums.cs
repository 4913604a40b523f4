namespace Admissions.Domain.Inquiries;

public enum InquiryStage
{
    New,
    Contacted,
    PreScreening,
    InsuranceVerification,
    ClinicalReview,
    Approved,
    AdmissionScheduled,
    Admitted,
    NotAdmitted,
    ReferredOut,
}

public enum NotAdmittedReason
{
    NoInsurance,
    OutOfNetwork,
    NotClinicallyAppropriate,
    ChoseAnotherProvider,
    Unreachable,
    Declined,
    Duplicate,
    Invalid,
}

public enum CallerRelationship
{
    Self,
    Parent,
    SpousePartner,
    Child,
    Sibling,
    Friend,
    Professional,
}

public enum InquirySource
{
    Phone,
    WebForm,
    Text,
    Referral,
    Alumni,
    WalkIn,
    Email,
}

public enum Sex
{
    Female,
    Male,
    Intersex,
    Unknown,
}

public enum Urgency
{
    Routine,
    Soon,
    Urgent,
    Crisis,
}

[Flags]
public enum SubstanceConcerns
{
    None = 0,
    Alcohol = 1,
    OpioidsHeroin = 2,
    Fentanyl = 4,
    Benzodiazepines = 8,
    Cocaine = 16,
    MethamphetamineAmphetamines = 32,
    Sedatives = 64,
    Cannabis = 128,
    Other = 256,
}

[Flags]
public enum MentalHealthConcerns
{
    None = 0,
    Depression = 1,
    Anxiety = 2,
    Bipolar = 4,
    Ptsd = 8,
    Trauma = 16,
    Schizophrenia = 32,
    EatingDisorder = 64,
    Adhd = 128,
    PersonalityDisorder = 256,
    Other = 512,
}

public enum ContactChannel
{
    Call,
    Text,
    Email,
}

public enum ContactOutcome
{
    Reached,
    LeftVoicemail,
    NoAnswer,
    WrongNumber,
}

public enum ActivityKind
{
    Created,
    Note,
    ContactAttempt,
    StageChange,
    Assignment,
    DetailsUpdated,
    Insurance,
    Authorization,
    Consent,
    Placement,
    Screening,
    Safety,
    LevelOfCare,
    Task,
}
