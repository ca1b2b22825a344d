import Clearance

/// Something a unit's disclosure guide needs and the log does not have yet: a field of its profile
/// (its disclosure office and how to reach it), or its classification norm (stage 2), which gives the
/// guide its arrangement of information. Pages name it in Chinese (`zh`); JSON and the CLI's text by a
/// stable key (`key`).
public enum GuideGap: Sendable, Equatable {
    /// A profile field not set: its name (`UnitProfileSet.fields`) and the guide's name for it.
    case profile(field: String, zh: String)
    /// No classification norm adopted.
    case norm

    /// The gaps of `profile`'s fields (nil: no profile set), in the guide's order, then the norm's.
    static func of(profile: [String: String]?, norm: NormAdopted?) -> [GuideGap] {
        let fields = UnitProfileSet.labelledFields.filter { profile?[$0.name] == nil }.map { GuideGap.profile(field: $0.name, zh: $0.zh) }
        return fields + (norm == nil ? [.norm] : [])
    }

    /// For programs: the profile field's name, as `unit profile --fax` sets it, or `norm`.
    public var key: String {
        switch self {
        case .profile(let field, _): field
        case .norm: "norm"
        }
    }

    /// As the guide says it: 传真, or 分类规范（第二阶段）尚未制定.
    public var zh: String {
        switch self {
        case .profile(_, let zh): zh
        case .norm: "分类规范（第二阶段）尚未制定"
        }
    }
}
