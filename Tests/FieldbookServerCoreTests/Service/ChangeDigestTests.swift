import FieldbookServerCore
import FieldbookSync
import Testing

@Suite("Change digest")
struct ChangeDigestTests {
    typealias F = Fixtures

    @Test func equalChangesHaveEqualDigestsWhateverTheOpOrder() {
        let a = F.change(counter: 1, [F.set("name", "A"), F.set("phone", "+49 1", supersedes: [Dot(replica: F.ben, counter: 2), Dot(replica: F.ben, counter: 1)])])
        let b = F.change(counter: 1, [F.set("phone", "+49 1", supersedes: [Dot(replica: F.ben, counter: 1), Dot(replica: F.ben, counter: 2)]), F.set("name", "A")])
        #expect(ChangeDigest(of: a) == ChangeDigest(of: b))
    }

    @Test func everyMemberCounts() {
        let base = F.change(counter: 1, [F.set("name", "A")])
        let variants = [
            F.change("contact", counter: 1, [F.set("name", "A")]),
            F.change(record: "acc-2", counter: 1, [F.set("name", "A")]),
            F.change(counter: 2, [F.set("name", "A")]),
            F.change(counter: 1, millis: 1, [F.set("name", "A")]),
            F.change(counter: 1, [F.set("name", "B")]),
            F.change(counter: 1, [F.set("name", .int(1))]),
            F.change(counter: 1, [F.set("name", "1")]),
            F.change(counter: 1, [F.set("name", .null)]),
            F.change(counter: 1, [Operation(slot: .field("name"), value: nil)]),
            F.change(counter: 1, [F.set("name", "A", supersedes: [Dot(replica: F.ben, counter: 1)])]),
            F.change(counter: 1, [Operation(slot: .field("name"), value: "A", covers: [Dot(replica: F.ben, counter: 1)])]),
            F.change(counter: 1, [F.set("nam", "eA")]),
        ]
        let digests = Set(([base] + variants).map { ChangeDigest(of: $0) })
        #expect(digests.count == variants.count + 1)
    }

    @Test func hexRoundTripsAndIsPinned() throws {
        let change = F.change(counter: 1, [F.set("name", "Müller GmbH")])
        let digest = ChangeDigest(of: change)
        #expect(ChangeDigest(hex: digest.hex) == digest)
        #expect(ChangeDigest(hex: "xyz") == nil)
        #expect(ChangeDigest.canonicalEncoding(of: change).starts(with: Array("fieldbook-change-v1\0".utf8)))
        // Pinned: a changed encoding would turn every retried push into dot_reused.
        #expect(digest.hex == "de7461bd206f520c2ab88126b60a61446c973c6ad54fe62a3efc696cfb8f4094", "computed independently with Python hashlib")
    }
}
