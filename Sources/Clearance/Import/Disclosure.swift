/// How a record is disclosed under its unit's classification norm.
public enum Disclosure: String, CaseIterable, Equatable, Hashable, Sendable {
    /// 主动公开: published without being asked.
    case proactive
    /// 依申请公开: given to whoever asks.
    case onRequest = "on-request"
    /// 不予公开: withheld; every exempt record names its basis.
    case exempt

    /// The words records offices write for it.
    public var chinese: String {
        switch self {
        case .proactive: return "主动公开"
        case .onRequest: return "依申请公开"
        case .exempt: return "不予公开"
        }
    }

    /// `主动公开 (proactive)`, for messages.
    public var label: String { "\(chinese) (\(rawValue))" }

    /// Reads the Chinese words or the English value (case-insensitive, `on request` and `on_request`
    /// too), ignoring surrounding whitespace; nil for anything else.
    public init?(written text: String) {
        let trimmed = text.trimmingWhitespace()
        let english = String(trimmed.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
        guard let match = Self.allCases.first(where: { $0.chinese == trimmed || $0.rawValue == english }) else { return nil }
        self = match
    }
}
