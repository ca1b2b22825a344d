/// A ZIP archive whose entries are stored, not compressed: the container of an .xlsx file.
///
/// Stored entries keep the writer small and free of zlib; spreadsheets open them as they open
/// deflated ones, only the file is larger. Every entry carries the same fixed date (1980-01-01, the
/// earliest ZIP can say), so the same entries always give the same bytes.
///
/// The archive is plain ZIP, not ZIP64: it holds at most 65,535 entries and 4 GiB, far beyond any
/// workbook this project writes; going past either is a programming error and traps.
struct ZIPArchive {
    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    /// Appends an entry; `path` uses forward slashes and no leading slash, as ZIP requires.
    mutating func add(_ path: String, _ contents: [UInt8]) {
        let name = Array(path.utf8)
        let crc = CRC32.checksum(contents)
        let offset = body.count
        precondition(count < 0xFFFF && offset + contents.count < 0xFFFF_FFFF, "ZIP archive too large for ZIP32")

        body.append(le32: 0x0403_4B50)  // local file header
        body.append(le16: Self.versionNeeded)
        body.append(le16: Self.flags)
        body.append(le16: Self.storedMethod)
        body.append(le16: Self.dosTime)
        body.append(le16: Self.dosDate)
        body.append(le32: crc)
        body.append(le32: UInt32(contents.count))  // compressed size: stored, so the same
        body.append(le32: UInt32(contents.count))
        body.append(le16: UInt16(name.count))
        body.append(le16: 0)  // no extra field
        body.append(contentsOf: name)
        body.append(contentsOf: contents)

        directory.append(le32: 0x0201_4B50)  // central directory header
        directory.append(le16: Self.versionNeeded)  // version made by: MS-DOS attributes, ZIP 2.0
        directory.append(le16: Self.versionNeeded)
        directory.append(le16: Self.flags)
        directory.append(le16: Self.storedMethod)
        directory.append(le16: Self.dosTime)
        directory.append(le16: Self.dosDate)
        directory.append(le32: crc)
        directory.append(le32: UInt32(contents.count))
        directory.append(le32: UInt32(contents.count))
        directory.append(le16: UInt16(name.count))
        directory.append(le16: 0)  // no extra field
        directory.append(le16: 0)  // no comment
        directory.append(le16: 0)  // disk number
        directory.append(le16: 0)  // internal attributes
        directory.append(le32: 0)  // external attributes
        directory.append(le32: UInt32(offset))
        directory.append(contentsOf: name)
        count += 1
    }

    /// The whole archive: the entries, then the central directory, then its end record.
    func bytes() -> [UInt8] {
        precondition(body.count + directory.count < 0xFFFF_FFFF, "ZIP archive too large for ZIP32")
        var out = body
        out.append(contentsOf: directory)
        out.append(le32: 0x0605_4B50)  // end of central directory
        out.append(le16: 0)  // this disk
        out.append(le16: 0)  // disk where the directory starts
        out.append(le16: UInt16(count))
        out.append(le16: UInt16(count))
        out.append(le32: UInt32(directory.count))
        out.append(le32: UInt32(body.count))
        out.append(le16: 0)  // no comment
        return out
    }

    private static let versionNeeded: UInt16 = 20
    /// No data descriptor and no UTF-8 flag: every part name in a workbook is ASCII.
    private static let flags: UInt16 = 0
    private static let storedMethod: UInt16 = 0
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1  // 1980-01-01
}

extension [UInt8] {
    fileprivate mutating func append(le16 value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    fileprivate mutating func append(le32 value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}
