import FieldbookModel
import FieldbookSync

extension Contract {
    /// Kind of contract (`kind`).
    public struct Kind: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let supply: Kind = "supply"
        public static let maintenance: Kind = "maintenance"
        public static let support: Kind = "support"
        public static let service: Kind = "service"
        public static let other: Kind = "other"
        public static let allCases: [Kind] = [.supply, .maintenance, .support, .service, .other]
    }

    /// Contract status (`status`); terminated is final.
    public struct Status: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let draft: Status = "draft"
        public static let active: Status = "active"
        public static let terminated: Status = "terminated"
        public static let expired: Status = "expired"
        public static let allCases: [Status] = [.draft, .active, .terminated, .expired]
    }
}
