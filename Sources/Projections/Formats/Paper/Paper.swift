import Clearance

/// A document the general office sends, takes along or files (a progress notice, an inspection
/// worksheet, an assessment, an annual report, a reply notice), built once in the chosen language and
/// rendered as text (`PaperText`), as a page that prints on A4 (`PaperHTML`), and its tables as a
/// workbook (`PaperWorkbook`): one structure, so the three never say different things.
public struct Paper: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        case heading(String)
        case paragraph(String)
        /// A bulleted list.
        case items([String])
        /// Label–value lines (an applicant, a request number, a date).
        case fields([Field])
        case table(Table)
        /// Where a printed copy starts a new sheet (before an annex, say).
        case pageBreak
    }

    public struct Field: Sendable, Equatable {
        public let label: String
        public let value: String
        public init(_ label: String, _ value: String) { (self.label, self.value) = (label, value) }
    }

    public enum Cell: Sendable, Equatable {
        case text(String)
        case integer(Int)

        public var shown: String {
            switch self {
            case .text(let text): text
            case .integer(let number): "\(number)"
            }
        }
    }

    /// A table; `name` titles it on paper and names its sheet in a workbook.
    public struct Table: Sendable, Equatable {
        public let name: String
        public let header: [String]
        public let rows: [[Cell]]
        public init(name: String, header: [String], rows: [[Cell]]) { (self.name, self.header, self.rows) = (name, header, rows) }
    }

    public let language: PaperLanguage
    public let title: String
    /// The document number (文号), when it has one.
    public var number: String?
    /// Whom it is addressed to (主送), when it says.
    public var addressee: String?
    public var blocks: [Block] = []
    /// The closing lines: who issues it and on what day.
    public var signature: [String] = []
    /// The log entry it was drawn from (`SEQ:HASH`, or `SEQ` alone), so that a reader can check it against the log.
    public var anchor: String?

    public init(language: PaperLanguage, title: String, number: String? = nil, addressee: String? = nil) {
        (self.language, self.title, self.number, self.addressee) = (language, title, number, addressee)
    }

    public mutating func add(_ block: Block) { blocks.append(block) }

    public var tables: [Table] {
        blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }
}

/// The language a paper is written in: Chinese by default, English labels with `--lang en`. Names,
/// titles and quotations of the law stay as they are in either.
public enum PaperLanguage: String, Sendable, Equatable {
    case zh, en

    /// The phrase in this language.
    public func callAsFunction(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }

    /// The `lang` attribute of its pages.
    public var tag: String { self == .zh ? "zh-CN" : "en" }

    /// A day as the papers write it: 2008年3月31日 in Chinese, 2008-03-31 in English.
    public func date(_ day: Day) -> String {
        let c = day.components
        return self == .zh ? "\(c.year)年\(c.month)月\(c.day)日" : day.description
    }
}
