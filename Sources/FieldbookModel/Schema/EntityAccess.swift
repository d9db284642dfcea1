/// Who may write an entity's records and how they are shared.
///
/// Reads are scoped by the server's scope rules; this decides the default
/// writers and whether records are shared with every user or follow the
/// account's territory/team.
public enum EntityAccess: String, Hashable, Sendable, CaseIterable {
    /// Customer data hanging off accounts, synced by territory/team; every role writes.
    case customerData
    /// Shared with every user and written by everyone (competitor intelligence).
    case sharedData
    /// Shared with every user, maintained by the back office (products, price
    /// lists, campaigns): read-only for reps.
    case referenceData
    /// Customer data owned by the back office or the ERP (orders, invoices):
    /// synced by territory like customer data, read-only for reps.
    case erpRecords
    /// Users, teams, territories: shared, maintained by administrators.
    case organization

    /// The roles that may write records of such an entity.
    public var writers: Set<Role> {
        switch self {
        case .customerData, .sharedData: Role.everyone
        case .referenceData, .erpRecords: Role.backOffice
        case .organization: Role.administration
        }
    }

    /// Whether records are shared with every user regardless of territory.
    public var isShared: Bool {
        switch self {
        case .sharedData, .referenceData, .organization: true
        case .customerData, .erpRecords: false
        }
    }
}
