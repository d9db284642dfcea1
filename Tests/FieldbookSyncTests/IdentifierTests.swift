import FieldbookSync
import Testing

@Suite("Identifiers, dots and version vectors")
struct IdentifierTests {
    @Test(arguments: ["a", "rep-anna_01", String(repeating: "x", count: 64)])
    func validReplicaIDs(_ text: String) throws {
        #expect(try ReplicaID(text).rawValue == text)
    }

    @Test(arguments: ["", "anna:1", "änna", "a b", String(repeating: "x", count: 65)])
    func invalidReplicaIDsAreRefused(_ text: String) {
        #expect(throws: SyncError.invalidReplicaID(text)) { try ReplicaID(text) }
    }

    @Test func replicaIDsCompareBytewise() {
        #expect(ReplicaID(unchecked: "B") < ReplicaID(unchecked: "a"))
        #expect(ReplicaID(unchecked: "a") < ReplicaID(unchecked: "a-"))
        #expect(ReplicaID(unchecked: "a-") < ReplicaID(unchecked: "a_"))
    }

    @Test func dotsRoundTripThroughTheirWireForm() {
        let dot = Dot(replica: ReplicaID(unchecked: "rep-anna"), counter: 42)
        #expect(dot.description == "rep-anna:42")
        #expect(Dot(parsing: "rep-anna:42") == dot)
        #expect(Dot(parsing: "a:9223372036854775807")?.counter == Dot.maxCounter)
        for bad in [
            "rep-anna", "rep-anna:", "rep-anna:0", ":3", "a:b", "a:-1", "a:1:2", "a:+5", "a:007",
            "a:9223372036854775808", "a: 1", "a:١",
        ] {
            #expect(Dot(parsing: bad) == nil, "\(bad) must not parse")
        }
    }

    @Test func versionVectorsContainMergeAndMeet() {
        let anna = ReplicaID(unchecked: "anna")
        let ben = ReplicaID(unchecked: "ben")
        var first = VersionVector([anna: 3])
        first.add(Dot(replica: ben, counter: 2))
        first.add(Dot(replica: anna, counter: 1))
        #expect(first == VersionVector([anna: 3, ben: 2]))
        #expect(first.contains(Dot(replica: anna, counter: 3)))
        #expect(!first.contains(Dot(replica: anna, counter: 4)))
        let second = VersionVector([anna: 1, ben: 5])
        #expect(first.merged(with: second) == VersionVector([anna: 3, ben: 5]))
        #expect(VersionVector.meet([first, second]) == VersionVector([anna: 1, ben: 2]))
        #expect(VersionVector.meet([first, VersionVector()]) == VersionVector())
        #expect(VersionVector([anna: 1]).isCovered(by: first))
        #expect(!second.isCovered(by: first))
    }

    @Test func derivedIDsAreDeterministicVersion8UUIDs() {
        let first = DerivedID.make(from: "lead-1", role: "account")
        #expect(first == DerivedID.make(from: "lead-1", role: "account"))
        #expect(first != DerivedID.make(from: "lead-1", role: "contact"))
        #expect(first != DerivedID.make(from: "lead-2", role: "account"))
        let characters = Array(first)
        #expect(characters.count == 36)
        #expect(characters[14] == "8", "version nibble")
        #expect("89ab".contains(characters[19]), "variant bits")
        #expect(first == first.lowercased())
    }
}
