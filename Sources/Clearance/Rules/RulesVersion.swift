import EventLog

/// The rules change as the software does; a log says which version each stretch of it was checked
/// against, so that replaying it (`verify --rules`) judges an entry by the rules in force when it
/// was appended, never by newer ones. The header names the version a log starts under; a writer
/// applying a newer version appends `rules.changed` before its first entry.
///
/// - 1: the rules before versioning (to 2026-12-07): types outside the catalogue were stored as sent.
/// - 2: every entry needs an actor with a role that writes (`checkOtherType`); the general office
///   alone binds identities and registers keys (docs/rules.md, "Who may write").
public enum RulesVersion {
    public static let current = 2
    public static let changedType = "rules.changed"

    /// The entry a writer puts before its own when the log's version is older than this program's.
    public static func changed(by actor: String) -> NewEntry {
        NewEntry(actor: actor, type: changedType, data: .object([("version", .integer(current))]))
    }
}
