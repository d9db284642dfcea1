import Foundation
import FieldbookSync
import Testing

@Suite("Slots")
struct SlotTests {
    @Test func buildersProduceParseablePaths() throws {
        let cases: [(Slot, String, String?, String?)] = [
            (.field("name"), "name", nil, nil),
            (.element("golf/tennis 100%", of: "interests"), "interests", "golf/tennis 100%", nil),
            (.item("line-1", of: "lines"), "lines", "line-1", nil),
            (.member("quantity", ofItem: "a/b", in: "lines"), "lines", "a/b", "quantity"),
            (.deleted, "@deleted", nil, nil),
        ]
        for (slot, field, element, member) in cases {
            let parsed = try Slot(path: slot.path)
            #expect(parsed == slot)
            #expect(parsed.field == field)
            #expect(parsed.element == element)
            #expect(parsed.member == member)
        }
        #expect(Slot.element("a/b", of: "tags").path == "tags/a%2Fb")
    }

    @Test(arguments: [
        "", "9name", "name/", "name//x", "a/b/c/d", "a/%zz", "a/b/9", "na me", "a/b%2", "na@me", "@other",
        "@deleted/x", "lines/l1/@other", "lines/l1/a@b",
    ])
    func malformedPathsAreRefused(_ path: String) {
        #expect(throws: SyncError.invalidSlot(path)) { try Slot(path: path) }
    }

    @Test func removalsSurviveTheWire() throws {
        let removal = Operation(slot: .element("golf", of: "interests"), value: nil, supersedes: [])
        let json = try JSONEncoder().encode(removal)
        #expect(String(decoding: json, as: UTF8.self).contains("\"remove\":true"))
        let decoded = try JSONDecoder().decode(Operation.self, from: json)
        #expect(decoded.value == nil)
        #expect(decoded == removal)
        let clear = try JSONDecoder().decode(Operation.self, from: Data(#"{"slot":"name","value":null}"#.utf8))
        #expect(clear.value == .some(.null))
        for invalid in [
            #"{"slot":"name"}"#, #"{"slot":"name","value":1,"remove":true}"#, #"{"slot":"name","value":1,"remove":false}"#,
            #"{"slot":"name","remove":false}"#,
        ] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(Operation.self, from: Data(invalid.utf8)) }
        }
    }
}
