import Projections
import Testing

@testable import ClearanceCLI

@Suite struct TextTableTests {
    @Test(arguments: [("abc", 3), ("锦江区", 6), ("A锦B", 4), ("é", 1), ("e\u{301}", 1), ("", 0), ("（）", 4)])
    func displayWidthCountsChineseAsTwoColumns(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func truncationNeverExceedsTheWidthEvenMidCharacter() {
        let cut = DisplayWidth.truncate("锦江区建设局关于", to: 7)
        #expect(DisplayWidth.of(cut) <= 7)
        #expect(cut.hasSuffix("…"))
        #expect(DisplayWidth.truncate("short", to: 7) == "short")
    }

    /// The columns after a Chinese cell start at the same terminal column as after an ASCII one.
    @Test func columnsLineUpWithMixedScripts() {
        let table = TextTable([("ACTOR", 10), ("TYPE", 8), ("DATA", 0)])
        let lines = [table.headerLine, table.line(["王芳", "a.b", "x"]), table.line(["clerk.wang", "锦江区", "y"])]
        // Where the last cell starts, in terminal columns (counted independently: ideographs are two).
        let columns = zip(lines, ["DATA", "x", "y"]).map { line, last -> Int in
            let prefix = line[..<line.range(of: last, options: .backwards)!.lowerBound]
            return prefix.unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) ? 2 : 1) }
        }
        #expect(Set(columns).count == 1, "\(lines)")
    }
}

import Foundation
