#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#else
    import Darwin
#endif

extension LogFile {
    /// Refuses entries no append would take (a bad id, actor or type, data that is not an object),
    /// naming the first; a writer that commits several submissions together checks each first.
    public static func validate(_ entries: [NewEntry]) throws {
        for (index, entry) in entries.enumerated() { try validate(entry, index: index) }
    }

    static func validate(_ entry: NewEntry, index: Int) throws {
        if let id = entry.id, !EntryFormat.isValidName(id) {
            throw EventLogError.invalidEntry(index: index, reason: "id \"\(id)\" must be 1-128 bytes without quotes, backslashes or control characters")
        }
        if let id = entry.id, isGeneratedIDForm(id) {
            throw EventLogError.invalidEntry(index: index, reason: "id \"\(id)\" has the form ev-<digits>, which is reserved for generated ids")
        }
        guard EntryFormat.isValidName(entry.actor) else {
            throw EventLogError.invalidEntry(index: index, reason: "actor \"\(entry.actor)\" must be 1-128 bytes without quotes, backslashes or control characters")
        }
        guard EntryFormat.isValidType(entry.type) else {
            throw EventLogError.invalidEntry(index: index, reason: "type \"\(entry.type)\" must start with a lowercase letter and hold only letters, digits, '.', '_' or '-' (at most 128)")
        }
        guard entry.type != EntryFormat.headerType || index == 0 else {
            throw EventLogError.invalidEntry(index: index, reason: "type \(EntryFormat.headerType) is reserved for the log's first entry")
        }
        guard case .object = entry.data else {
            throw EventLogError.invalidEntry(index: index, reason: "data must be a JSON object")
        }
        if let problem = entry.data.strictnessProblem {  // validity rule 5: what readers would refuse is never written
            throw EventLogError.invalidEntry(index: index, reason: "data: \(problem)")
        }
    }

    /// A generated id is `ev-` and the entry's seq: unique in the log, repeatable for a simulated
    /// clock, and known before the chain is, so a batch can be encoded on all cores.
    /// Explicit ids of this form are refused (see `validate`).
    static func generatedID(seq: Int) -> String { "ev-\(seq)" }

    /// Whether `id` has the form reserved for generated ids.
    static func isGeneratedIDForm(_ id: String) -> Bool {
        id.hasPrefix("ev-") && id.count > 3 && id.utf8.dropFirst(3).allSatisfy { (0x30...0x39).contains($0) }
    }

    /// The system clock's reading, or for a simulated log 1 ms after the head: what the next append
    /// will stamp unless its writer supplies a time.
    public func nextTime(after head: LogHead?) -> Timestamp { clock.nextTime(after: head) }

    /// Entries of the batch whose explicit id is already in the log: (index in the batch, id, seq holding it).
    /// Only explicit ids are looked up: generated ones are unique by construction.
    func findDuplicates(_ entries: [NewEntry], committedEnd: Int) throws -> [(index: Int, id: String, seq: Int)] {
        var ids = Set<String>()
        for (index, entry) in entries.enumerated() {
            if let id = entry.id, !ids.insert(id).inserted {
                throw EventLogError.invalidEntry(index: index, reason: "id \"\(id)\" appears twice in the batch")
            }
        }
        guard !ids.isEmpty else { return [] }
        let found = try LogReader(file: file, committedEnd: committedEnd).seqs(ofIDs: ids)
        return entries.enumerated().compactMap { index, entry in
            entry.id.flatMap { id in found[id].map { (index, id, $0) } }
        }
    }

    /// Writes a whole batch and makes it durable; on failure truncates back so nothing half-written stays.
    func write(_ bytes: [UInt8], at offset: Int) throws {
        do throws {
            try file.writeAll(bytes, at: offset)
            try file.syncData()
        } catch {
            try? file.truncate(to: offset)
            try? file.syncData()
            throw error
        }
    }

    /// Moves the torn bytes to a new quarantine file beside the log (never deleting them), then cuts them off.
    ///
    /// If the quarantine file cannot be written whole (the disk is full), it is removed again, so that
    /// no empty or partial copy passes for the torn tail, and the error names it; the log is left as it
    /// was, torn bytes included, for the next append to try again.
    func quarantine(_ torn: TornTail) throws -> Recovery {
        let bytes = try file.read(count: torn.byteCount, at: torn.offset)
        let stamp = Timestamp.now().millisecondsSinceEpoch
        let path = directory + "/" + LogFile.fileName + ".quarantine-\(torn.offset)-\(stamp)"
        let quarantine = try OpenFile(path: path, flags: O_WRONLY | O_CREAT | O_EXCL)
        do {
            try quarantine.writeAll(bytes, at: 0)
            try quarantine.syncAll()
        } catch {
            unlink(path)
            let reason: String
            if case .io(_, _, let message) = error as? EventLogError { reason = message } else { reason = EventLogError.words(for: error) }
            throw EventLogError.io(
                operation: "moving the torn tail of \(file.path) (\(torn.byteCount) bytes at byte offset \(torn.offset)) aside: writing", path: path,
                message: "\(reason); that file was removed and the log left as it was")
        }
        try OpenFile.syncDirectory(directory)
        try file.truncate(to: torn.offset)
        try file.syncAll()
        return Recovery(tail: torn, quarantinePath: path)
    }

    static func makeDirectory(_ directory: String) throws {
        var path = directory.hasPrefix("/") ? "/" : ""
        for part in directory.split(separator: "/") {
            path += (path.isEmpty || path.hasSuffix("/") ? "" : "/") + part
            if mkdir(path, 0o755) != 0 && errno != EEXIST { throw OpenFile.failure("mkdir", path) }
        }
    }
}
