import FieldbookProtocol
import FieldbookSync
import Foundation
import Testing

@Suite("Golden examples in Protocol/examples")
struct GoldenExampleTests {
    @Test("decodes and re-encodes byte for byte", arguments: ExampleFile.all)
    func reencodesIdentically(_ example: ExampleFile) throws {
        let file = try ProtocolFiles.read(example.url)
        let again = try example.reencode(file)
        #expect(String(decoding: again, as: UTF8.self) == String(decoding: file, as: UTF8.self))
    }

    @Test("matches the worked example of SYNC.md", arguments: ExampleFile.all)
    func matchesTheScenario(_ example: ExampleFile) throws {
        let file = try ProtocolFiles.read(example.url)
        #expect(String(decoding: try example.expected(), as: UTF8.self) == String(decoding: file, as: UTF8.self))
    }

    @Test func compactEncodingIsTheSameDocument() throws {
        for example in ExampleFile.all {
            let file = try ProtocolFiles.read(example.url)
            let pretty = try JSONSerialization.jsonObject(with: file) as? NSObject
            let compact = try JSONSerialization.jsonObject(with: example.reencode(file)) as? NSObject
            #expect(pretty == compact, "\(example.name)")
        }
    }

    @Test func pullingThePageProducesTheDocumentedConflict() throws {
        var account = RecordState(entity: "account", id: ExampleScenario.account)
        try account.apply(ExampleScenario.created)
        for change in ExampleScenario.pushRequest.changes where change.record == ExampleScenario.account {
            try account.apply(change)
        }
        let page = try WireCodec().decode(PullResponse.self, from: ProtocolFiles.read(ProtocolFiles.example("pull-response")))
        for change in page.changes where change.record == ExampleScenario.account {
            try account.apply(change)
        }
        let merged = try WireCodec().decode(
            RecordState.self, from: ProtocolFiles.read(ProtocolFiles.example("record-state-merged"))
        )
        #expect(account == merged)
        #expect(account.value("phone") == "+49 711 555-0142")
        #expect(account.elements(of: "tags") == ["b2b/retail", "key-account"])
        let conflict = try #require(account.conflicts.first)
        #expect(account.conflicts.count == 1)
        #expect(conflict.id == ExampleScenario.account + "#phone")
        #expect(conflict.others.map(\.entry.dot) == [ExampleScenario.officePhoneEdit.dot])
    }

    /// Regenerates the golden files from ``ExampleScenario``:
    /// `FIELDBOOK_WRITE_EXAMPLES=1 swift test --filter GoldenExampleTests`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FIELDBOOK_WRITE_EXAMPLES"] == "1"))
    func writeExamples() throws {
        try FileManager.default.createDirectory(at: ProtocolFiles.examples, withIntermediateDirectories: true)
        for example in ExampleFile.all {
            try example.expected().write(to: example.url)
        }
    }
}
