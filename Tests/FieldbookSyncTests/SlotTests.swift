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

    @Test(arguments: ["", "9name", "name/", "name//x", "a/b/c/d", "a/%zz", "a/b/9", "na me", "a/b%2"])
    func malformedPathsAreRefused(_ path: String) {
        #expect(throws: SyncError.invalidSlot(path)) { try Slot(path: path) }
    }
}
