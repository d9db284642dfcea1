import FieldbookProtocol
import FieldbookSync
import Foundation
import Testing

/// The worked examples of `Protocol/SYNC.md`, checked against the Swift core.
@Suite("Worked examples of SYNC.md")
struct SpecExampleTests {
    /// §2.5, computed independently with Python's hashlib when the spec was written.
    @Test func derivedIDWorkedExample() {
        let source = "4f1d2c8e-7a6b-4c3d-9e8f-0a1b2c3d4e5f"
        let role = "lead-conversion/account"
        var input = Array("fieldbook-derived-v1".utf8)
        input.append(0)
        input += Array(source.utf8)
        input.append(0)
        input += Array(role.utf8)
        #expect(input.count == 81)
        let digest = "3f567d0c86ad508650cf2936ed8d958fecedb23c3d3615f5573eaa347e72c2dd"
        #expect(SHA256.hex(input) == digest)
        let derived = "3f567d0c-86ad-8086-90cf-2936ed8d958f"
        #expect(DerivedID.make(from: source, role: role) == derived)
        for text in [source, role, digest, derived] {
            #expect(SpecText.text.contains(text), "SYNC.md must show \(text)")
        }
    }

    /// §7.6: every row of the `between` table in the spec.
    @Test func fractionalIndexExamples() throws {
        let rows = SpecText.table(after: "SpecExampleTests.fractionalIndexExamples")
        #expect(rows.count >= 10)
        for row in rows {
            let lower = SpecText.literal(row[0])
            let upper = SpecText.literal(row[1])
            let expected = try #require(SpecText.literal(row[2]))
            #expect(FractionalIndex.between(lower, upper) == expected, "between(\(row[0]), \(row[1]))")
            #expect(FractionalIndex.isValid(expected))
        }
    }

    @Test func fractionalIndexAlwaysLandsStrictlyBetween() {
        var generator = SplitMix64(seed: 42)
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        func key() -> String {
            var text = String((0..<(1 + Int(generator.next() % 4))).map { _ in digits[Int(generator.next() % 36)] })
            if text.hasSuffix("0") { text.removeLast(); text += "1" }
            return text
        }
        for _ in 0..<5000 {
            let (a, b) = (key(), key())
            guard a != b else { continue }
            let (low, high) = a.utf8.lexicographicallyPrecedes(b.utf8) ? (a, b) : (b, a)
            let middle = FractionalIndex.between(low, high)
            #expect(low.utf8.lexicographicallyPrecedes(middle.utf8) && middle.utf8.lexicographicallyPrecedes(high.utf8))
            #expect(FractionalIndex.isValid(middle))
        }
    }

    /// §3: the tick/receive table.
    @Test func hybridLogicalClockExample() throws {
        var clock = HybridLogicalClock(maxDrift: 300_000)
        #expect(clock.tick(physical: 1000).description == "0000000003e80000")
        #expect(clock.tick(physical: 1000).description == "0000000003e80001")
        #expect(clock.tick(physical: 999).description == "0000000003e80002")
        try clock.receive(try #require(HybridTimestamp(parsing: "0000000013880003")), physical: 1200)
        #expect(clock.last.description == "0000000013880003")
        #expect(clock.tick(physical: 1300).description == "0000000013880004")
        #expect(clock.tick(physical: 6000).description == "0000000017700000")
        let before = clock.last
        #expect(throws: SyncError.clockDriftExceeded(remoteMillis: 301_201, localMillis: 1200, maxDrift: 300_000)) {
            try clock.receive(HybridTimestamp(millis: 301_201), physical: 1200)
        }
        #expect(clock.last == before)
        var overflow = HybridLogicalClock(last: HybridTimestamp(millis: 7000, logical: .max))
        #expect(overflow.tick(physical: 7000).description == "000000001b590000")
        for text in ["0000000003e80002", "0000000013880003", "0000000017700000", "000000001b590000"] {
            #expect(SpecText.text.contains(text), "SYNC.md must show \(text)")
        }
    }

    /// §3 and §2.3: encodings and canonical dot order.
    @Test func encodingExamples() throws {
        let time = try #require(HybridTimestamp(parsing: "01972fb54ba00000"))
        #expect(time.millis == 1_748_852_100_000 && time.logical == 0)
        #expect(HybridTimestamp(parsing: "01972FB54BA00000") == nil)
        let a9 = try #require(Dot(parsing: "a:9"))
        let a10 = try #require(Dot(parsing: "a:10"))
        #expect(a9 < a10)
        #expect(try #require(Dot(parsing: "anna-phone-7f3a:42")).counter == 42)
    }

    /// §4.2: escaping examples.
    @Test func slotEscapingExamples() throws {
        #expect(Slot.element("b2b/retail", of: "tags").path == "tags/b2b%2Fretail")
        #expect(Slot.element("100%", of: "tags").path == "tags/100%25")
        #expect(Slot.member("@pos", ofItem: "line/1", in: "lines").path == "lines/line%2F1/@pos")
        #expect(try Slot(path: "lines/line%2F1/@pos").element == "line/1")
        #expect(throws: SyncError.invalidSlot("tags/a%2f")) { try Slot(path: "tags/a%2f") }
        for path in ["tags/b2b%2Fretail", "tags/100%25", "lines/line%2F1/@pos"] {
            #expect(SpecText.text.contains(path))
        }
    }

    /// Appendix A's Python must agree with the Swift core on the spec's examples.
    @Test(.enabled(if: Python.isAvailable || Python.isCI, "python3 is not installed"))
    func pythonReferenceAlgorithmsAgree() throws {
        guard Python.isAvailable else {
            Issue.record("CI is set but python3 is missing")
            return
        }
        let appendix = try #require(SpecText.codeBlock("python", after: "## Appendix A"))
        var checks = "\nimport json, sys\nresults = {}\n"
        checks += "results['derived'] = derived_id('4f1d2c8e-7a6b-4c3d-9e8f-0a1b2c3d4e5f', 'lead-conversion/account')\n"
        let pairs: [(String?, String?)] = [
            (nil, nil), ("i", nil), (nil, "i"), ("i", "j"), ("i", "i1"), ("a1", "a2"), ("z", nil), ("zz", nil),
            ("i", "i"), ("0", "1"), ("9", "a"), ("hz", "i"), ("0001", "00011"),
        ]
        func py(_ key: String?) -> String { key.map { "'\($0)'" } ?? "None" }
        checks += "results['between'] = [" + pairs.map { "between(\(py($0.0)), \(py($0.1)))" }.joined(separator: ", ") + "]\n"
        checks += "print('RESULT ' + json.dumps(results))\n"
        let (status, output) = try Python.run(appendix + checks)
        #expect(status == 0, "\(output)")
        let line = try #require(output.split(separator: "\n").last { $0.hasPrefix("RESULT ") })
        struct Results: Decodable {
            var derived: String
            var between: [String]
        }
        let results = try JSONDecoder().decode(Results.self, from: Data(line.dropFirst(7).utf8))
        #expect(results.derived == DerivedID.make(from: "4f1d2c8e-7a6b-4c3d-9e8f-0a1b2c3d4e5f", role: "lead-conversion/account"))
        #expect(results.between == pairs.map { FractionalIndex.between($0.0, $0.1) })
    }
}
