/// What a person may do: a clerk registers, classifies and answers for their units; a reviewer
/// reviews; a publisher publishes; the general office acts everywhere; an auditor only reads.
public enum Role: String, CaseIterable, Sendable {
    case clerk, reviewer, publisher, generalOffice = "general-office", auditor
}
