// libFuzzer target for `JSONParser` (Tests/Fuzz/run.sh json). Not part of the package: no target names
// this folder. Built with `swiftc -sanitize=fuzzer,address` against an instrumented EventLog.
import EventLog

/// Any bytes: parsing either throws `JSONError` or returns a value; a value must survive
/// `JSONWriter` and parse back equal, and writing it again must give the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let value: JSONValue
    do { value = try JSONParser.parse(bytes) } catch is JSONError { return 0 } catch {
        fatalError("JSONParser threw something other than JSONError: \(error)")
    }
    let written = JSONWriter.bytes(value)
    let again: JSONValue
    do { again = try JSONParser.parse(written) } catch {
        fatalError("the writer's output does not parse: \(error)")
    }
    precondition(again == value, "a value does not survive the writer")
    precondition(JSONWriter.bytes(again) == written, "writing is not stable")
    // The accessors the event code uses on every value.
    _ = value.stringValue
    _ = value.intValue
    _ = value["seq"]
    return 0
}
