/// One record as a spreadsheet export describes it, checked and ready to become the events that
/// register and classify it.
public struct RecordImportRow: Equatable, Sendable {
    /// The physical line of the file the row starts on.
    public var line: Int
    /// The sheet's own running number (序号), if it has one; not an index number.
    public var serial: String?
    public var title: String
    /// 文号, e.g. `锦建发〔2007〕112号`; many records have none.
    public var documentNumber: String?
    /// 生成日期: the day the information was created.
    public var created: Day
    public var summary: String
    /// A key item of the scheme (`10-01` … `12-08`), if the record falls under one.
    public var keyItem: String?
    public var disclosure: Disclosure
    /// The exemption basis id (`state-secret`, …); set exactly when `disclosure` is `.exempt`.
    public var exemptionBasis: String?

    public init(
        line: Int, serial: String?, title: String, documentNumber: String?, created: Day, summary: String,
        keyItem: String?, disclosure: Disclosure, exemptionBasis: String?
    ) {
        self.line = line
        self.serial = serial
        self.title = title
        self.documentNumber = documentNumber
        self.created = created
        self.summary = summary
        self.keyItem = keyItem
        self.disclosure = disclosure
        self.exemptionBasis = exemptionBasis
    }
}
