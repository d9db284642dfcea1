import FieldbookSync

/// A sales pipeline as the workflows use it: ordered phases, each with a
/// win probability.
///
/// The office maintains `pipeline` records (reference data that syncs to
/// every rep); when none is marked as default, ``standard`` — a built-in
/// pipeline that is not stored — applies.
///
/// ```swift
/// let pipeline = try database.defaultPipeline()
/// pipeline.phase(matching: "prop")?.probability   // 50.00 in the standard pipeline
/// ```
public struct SalesPipeline: Hashable, Sendable {
    /// One phase of a pipeline.
    public struct Phase: Hashable, Sendable {
        /// The phase ID: the item ID in the pipeline's `phases` list (what an
        /// opportunity's `phase` field holds).
        public var id: String
        /// Display name.
        public var name: String
        /// Win probability in percent, 0–100.
        public var probability: DecimalNumber
        /// `open`, `won` or `lost` (nil: open).
        public var outcome: String?

        /// Creates a phase.
        public init(id: String, name: String, probability: DecimalNumber, outcome: String? = nil) {
            self.id = id
            self.name = name
            self.probability = probability
            self.outcome = outcome
        }
    }

    /// The ID of the `pipeline` record; nil for the built-in ``standard`` pipeline.
    public var id: String?
    /// Display name.
    public var name: String
    /// Phases in pipeline order.
    public var phases: [Phase]

    /// Creates a pipeline.
    public init(id: String?, name: String, phases: [Phase]) {
        self.id = id
        self.name = name
        self.phases = phases
    }

    /// Reads a stored `pipeline` record (phases in list order; unreadable
    /// probabilities count as 0).
    public init(record: RecordState) {
        self.init(
            id: record.id, name: record.value("name")?.text ?? record.id,
            phases: record.items(of: "phases").map { item in
                Phase(
                    id: item.id, name: item.members["name"]?.text ?? item.id,
                    probability: item.members["probability"]?.decimal ?? .zero,
                    outcome: item.members["outcome"]?.text
                )
            }
        )
    }

    /// The built-in pipeline used while the office has defined none.
    public static let standard = SalesPipeline(
        id: nil, name: "Standard",
        phases: [
            Phase(id: "qualification", name: "Qualification", probability: 10),
            Phase(id: "needs_analysis", name: "Needs analysis", probability: 25),
            Phase(id: "proposal", name: "Proposal", probability: 50),
            Phase(id: "negotiation", name: "Negotiation", probability: 75),
        ]
    )

    /// How the pipeline is named in messages: its record ID or `standard`.
    public var label: String { id ?? "standard" }

    /// The phase with ID `id`.
    public func phase(id: String) -> Phase? { phases.first { $0.id == id } }

    /// The phase named by `text`: its ID, its name (case-insensitive) or a
    /// unique prefix of either.
    public func phase(matching text: String) -> Phase? {
        let wanted = text.lowercased()
        if let exact = phases.first(where: { $0.id == text || $0.id.lowercased() == wanted || $0.name.lowercased() == wanted }) {
            return exact
        }
        let candidates = phases.filter { $0.id.lowercased().hasPrefix(wanted) || $0.name.lowercased().hasPrefix(wanted) }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// The first open phase (where converted leads start).
    public var firstOpenPhase: Phase? { phases.first { ($0.outcome ?? "open") == "open" } }
}
