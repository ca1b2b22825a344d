/// One catalogue written front to back into a byte buffer: the opening, the entries, the titles
/// available on request, the closing, and what goes between them (JSON's commas, the CSV's second
/// table, the HTML list). Entries come one at a time, or rendered beforehand by
/// `CatalogueFormat.appendEntry`, as a run shared with other catalogues.
struct CatalogueDocument {
    let format: CatalogueFormat
    private var hasEntries = false
    /// Nil until the first title on request (or the closing) ends the entries.
    private var onRequestCount: Int?

    /// Starts a catalogue titled `title` at the end of `out`.
    init(format: CatalogueFormat, title: String, to out: inout [UInt8]) {
        self.format = format
        format.appendOpening(title: title, to: &out)
    }

    mutating func append(_ entry: CatalogueProjection.Entry, to out: inout [UInt8]) {
        let start = out.count
        format.appendEntry(entry, to: &out)
        if !hasEntries { out.removeSubrange(start..<start + format.separatorCount) }
        hasEntries = true
    }

    /// The part of `rendered` (entries rendered beforehand) that goes next into this catalogue: all
    /// of it, or without its leading separator when these are its first entries.
    mutating func place(_ rendered: [UInt8]) -> ArraySlice<UInt8> {
        guard !rendered.isEmpty else { return [] }
        defer { hasEntries = true }
        return hasEntries ? rendered[...] : rendered.dropFirst(format.separatorCount)
    }

    /// Adds a title available on request; the entries are over.
    mutating func append(onRequest unit: String, title: String, to out: inout [UInt8]) {
        let count = endEntries(&out)
        format.appendOnRequest(unit: unit, title: title, first: count == 0, to: &out)
        onRequestCount = count + 1
    }

    /// Ends the catalogue.
    mutating func finish(to out: inout [UInt8]) {
        _ = endEntries(&out)
        format.appendClosing(to: &out)
    }

    /// Writes what follows the entries, once; returns how many titles on request there are so far.
    private mutating func endEntries(_ out: inout [UInt8]) -> Int {
        if let onRequestCount { return onRequestCount }
        format.appendMiddle(to: &out)
        onRequestCount = 0
        return 0
    }
}
