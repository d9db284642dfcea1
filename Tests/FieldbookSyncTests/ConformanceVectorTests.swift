import FieldbookSync
import Foundation
import Testing

/// The sync conformance vectors in `Fixtures/sync-vectors` run against the
/// Swift core (`Replica`), and the independent Python reference
/// implementation runs against the same vectors, so both implementations of
/// the merge rules are held to one set of expectations.
///
/// Regenerate the vectors with `python3 Fixtures/sync-vectors/reference/generate_vectors.py`.
@Suite("Conformance vectors")
struct ConformanceVectorTests {
    static let files = VectorFixtures.fileNames

    @Test("Vector directory holds at least 120 vectors, at least 12 of them negative")
    func directoryHoldsEnoughVectors() throws {
        #expect(Self.files.count >= 120, "found \(Self.files.count) vectors in \(VectorFixtures.directory.path)")
        let negative = try Self.files.map(VectorFixtures.load).filter {
            !($0.expected.rejected ?? []).isEmpty || !($0.rawChanges ?? []).isEmpty
        }
        #expect(negative.count >= 12, "found \(negative.count) negative vectors")
    }

    @Test("Every known-issue entry names an existing vector")
    func knownIssuesNameExistingVectors() {
        let names = Set(Self.files.map(VectorFixtures.vectorName))
        for name in VectorFixtures.knownIssues.keys.sorted() {
            #expect(names.contains(name), "known issue listed for missing vector \(name)")
        }
    }

    @Test("Replica reaches the expected state in the vector's delivery order", arguments: files)
    func vectorHolds(_ file: String) throws {
        try VectorFixtures.checking(file) {
            let vector = try VectorFixtures.load(file)
            let run = try vector.run(order: vector.deliveryOrder)
            let problems = vector.mismatches(run)
            let report = "\(file) (\(vector.description))\n  " + problems.joined(separator: "\n  ")
            #expect(problems.isEmpty, Comment(rawValue: report))
        }
    }

    @Test("20 seeded random deliveries with duplicates reach the same state", arguments: files)
    func randomDeliveriesConverge(_ file: String) throws {
        try VectorFixtures.checking(file, intermittent: true) {
            let vector = try VectorFixtures.load(file)
            let reference = try vector.run(order: vector.deliveryOrder)
            let referenceBytes = try VectorFixtures.canonicalBytes(reference.replica)
            let referenceProblems = vector.mismatches(reference)
            let referenceRefused = reference.refusedDots(in: vector.changes)
            var random = VectorRandom(seed: VectorFixtures.seed(file))
            for run in 0..<20 {
                let order = VectorFixtures.randomDelivery(count: vector.changes.count, using: &random)
                let other = try vector.run(order: order)
                #expect(other.replica.records == reference.replica.records, "\(file): delivery \(order) (run \(run)) differs")
                #expect(
                    try VectorFixtures.canonicalBytes(other.replica) == referenceBytes,
                    "\(file): delivery \(order) (run \(run)) differs byte for byte"
                )
                #expect(
                    other.refusedDots(in: vector.changes) == referenceRefused,
                    "\(file): delivery \(order) (run \(run)) refused \(other.refusedDots(in: vector.changes))"
                )
                #expect(
                    vector.mismatches(other) == referenceProblems,
                    "\(file): delivery \(order) (run \(run)): \(vector.mismatches(other))"
                )
            }
        }
    }

    @Test("Python reference implementation passes every vector (check_vectors.py exits 0)")
    func pythonReferenceAgrees() throws {
        let (status, output) = try VectorFixtures.runPython("reference/check_vectors.py")
        #expect(status == 0, "check_vectors.py exited \(status):\n\(output)")
    }

    @Test("Committed vectors equal the generator's output (generate_vectors.py --check exits 0)")
    func vectorsMatchTheGenerator() throws {
        let (status, output) = try VectorFixtures.runPython("reference/generate_vectors.py", "--check")
        #expect(status == 0, "generate_vectors.py --check exited \(status):\n\(output)")
    }
}
