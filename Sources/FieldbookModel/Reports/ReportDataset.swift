import FieldbookSync

/// The records a report is computed from, indexed: the client passes its
/// local replica's records, the server the records the caller may read, so
/// both compute the same figures from the same input.
///
/// Deleted records are dropped. Entities used: `opportunity`, `pipeline`,
/// `account`, `territory`, `order`, `offer`, `activity`, `campaign`,
/// `campaign_member`, `lead`, `ticket`, and `user`/`product` for names.
public struct ReportDataset: Sendable {
    /// The entities reports read (what a caller needs to load).
    public static let entities: Set<String> = [
        "opportunity", "pipeline", "account", "territory", "order", "offer", "activity", "campaign",
        "campaign_member", "lead", "ticket", "user", "product",
    ]

    private let byID: [String: RecordState]
    private let byEntity: [String: [RecordState]]
    private let pipelines: [String: SalesPipeline]
    /// The pipeline opportunities without a stored pipeline use.
    public let defaultPipeline: SalesPipeline
    private let linesByOpportunity: [String: [RevenueLine]]
    private let productsByOpportunity: [String: Set<String>]

    /// One line of revenue of an opportunity: a product (nil: not known) and a net amount.
    public struct RevenueLine: Hashable, Sendable {
        /// Product ID, nil when the line names none.
        public var product: String?
        /// Net amount.
        public var amount: DecimalNumber
    }

    /// Indexes `records` (any entities; live records only, sorted by ID).
    public init(records: [RecordState]) {
        let live = records.filter { !$0.isDeleted && $0.exists }.sorted { $0.id < $1.id }
        byID = Dictionary(live.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        byEntity = Dictionary(grouping: live, by: \.entity)
        let stored = (byEntity["pipeline"] ?? []).map(SalesPipeline.init(record:))
        pipelines = Dictionary(stored.compactMap { pipeline in pipeline.id.map { ($0, pipeline) } }, uniquingKeysWith: { a, _ in a })
        let defaults = (byEntity["pipeline"] ?? []).filter {
            $0.value("isDefault") == .bool(true) && $0.value("active") != .bool(false)
        }
        let chosen = defaults.min { $0.id < $1.id }.map(SalesPipeline.init(record:))
        defaultPipeline = chosen.flatMap { $0.phases.isEmpty ? nil : $0 } ?? .standard
        var lines: [String: [RevenueLine]] = [:]
        var products: [String: Set<String>] = [:]
        Self.indexLines(byEntity, lines: &lines, products: &products)
        linesByOpportunity = lines
        productsByOpportunity = products
    }

    /// The live records of `entity`, by ID.
    public func records(_ entity: String) -> [RecordState] { byEntity[entity] ?? [] }

    /// The live record `id`.
    public func record(_ id: String?) -> RecordState? { id.flatMap { byID[$0] } }

    /// A display name for a referenced record: its `name` or `displayName`, else the ID.
    public func label(_ id: String?) -> String {
        guard let id else { return "" }
        guard let record = byID[id] else { return id }
        return record.value("displayName")?.text ?? record.value("name")?.text ?? id
    }

    // MARK: Opportunities

    /// The phase an opportunity is in: looked up in its stored pipeline, else
    /// the default one, else (without a stored pipeline) the built-in one.
    public func phase(of opportunity: RecordState) -> SalesPipeline.Phase? {
        guard let phase = opportunity.value("phase")?.text else { return nil }
        let pipelineID = opportunity.value("pipeline")?.text
        let pipeline = pipelineID.flatMap { pipelines[$0] } ?? defaultPipeline
        if let found = pipeline.phase(id: phase) { return found }
        return pipelineID == nil ? SalesPipeline.standard.phase(id: phase) : nil
    }

    /// The probability applied to an opportunity (as ``Forecast`` does): its
    /// phase's, else its own `probability`, else 0.
    public func probability(of opportunity: RecordState) -> DecimalNumber {
        phase(of: opportunity)?.probability ?? opportunity.value("probability")?.decimal ?? .zero
    }

    /// The order of phases for display: the default pipeline's, then the
    /// other stored pipelines' (by ID), then the built-in one's.
    public var phaseOrder: [SalesPipeline.Phase] {
        var seen = Set<String>()
        var order: [SalesPipeline.Phase] = []
        let all = [defaultPipeline] + pipelines.keys.sorted().compactMap { pipelines[$0] } + [.standard]
        for phase in all.flatMap(\.phases) where seen.insert(phase.id).inserted { order.append(phase) }
        return order
    }

    /// The revenue lines of a won opportunity: the lines of its orders (not
    /// cancelled), else of its accepted offers, else one line without a
    /// product carrying the opportunity's amount.
    public func revenueLines(of opportunity: RecordState) -> [RevenueLine] {
        if let lines = linesByOpportunity[opportunity.id], !lines.isEmpty { return lines }
        return [RevenueLine(product: nil, amount: opportunity.value("amount")?.decimal ?? .zero)]
    }

    /// Every product named in an order or offer line of the opportunity.
    public func products(of opportunity: RecordState) -> Set<String> { productsByOpportunity[opportunity.id] ?? [] }

    // MARK: Territories

    /// The territory of account `id`.
    public func territory(ofAccount id: String?) -> String? { record(id)?.value("territory")?.text }

    /// Whether `territory` is `filter` or lies below it (through `parent`).
    public func territory(_ territory: String?, isWithin filter: String) -> Bool {
        var current = territory
        var hops = 0
        while let id = current, hops < 64 {
            if id == filter { return true }
            current = record(id)?.value("parent")?.text
            hops += 1
        }
        return false
    }

    /// Whether the account passes the territory filter (no filter: true).
    public func account(_ id: String?, matches filter: ReportFilter) -> Bool {
        guard let wanted = filter.territory else { return true }
        return territory(territory(ofAccount: id), isWithin: wanted)
    }

    /// Reads order lines (of orders not cancelled) and accepted offers' lines by opportunity.
    private static func indexLines(
        _ byEntity: [String: [RecordState]], lines: inout [String: [RevenueLine]], products: inout [String: Set<String>]
    ) {
        var offerLines: [String: [RevenueLine]] = [:]
        for offer in byEntity["offer"] ?? [] {
            guard let opportunity = offer.value("opportunity")?.text else { continue }
            let read = offer.items(of: "lines").map { item in
                RevenueLine(product: item.members["product"]?.text, amount: netAmount(item, price: "listPrice"))
            }
            products[opportunity, default: []].formUnion(read.compactMap(\.product))
            if offer.value("status") == .text("accepted") { offerLines[opportunity, default: []] += read }
        }
        for order in byEntity["order"] ?? [] {
            guard let opportunity = order.value("opportunity")?.text else { continue }
            let read = order.items(of: "lines").map { item in
                RevenueLine(product: item.members["product"]?.text, amount: netAmount(item, price: "unitPrice"))
            }
            products[opportunity, default: []].formUnion(read.compactMap(\.product))
            if order.value("status") != .text("cancelled") { lines[opportunity, default: []] += read }
        }
        for (opportunity, read) in offerLines where lines[opportunity]?.isEmpty ?? true { lines[opportunity] = read }
    }

    /// A line's `net`, else quantity × price × (100 − discount) / 100 rounded to cents; 0 when unreadable.
    static func netAmount(_ item: RecordState.ListItem, price: String) -> DecimalNumber {
        if let net = item.members["net"]?.decimal { return net }
        let quantity = item.members["quantity"]?.decimal ?? .zero
        let unitPrice = item.members[price]?.decimal ?? .zero
        let discount = item.members["discountPercent"]?.decimal ?? .zero
        let line = OfferLine(id: item.id, quantity: quantity, listPrice: unitPrice, discountPercent: discount)
        return (try? line.net()) ?? .zero
    }
}
