import FieldbookModel
import FieldbookSync

extension Ticket {
    /// What the complaint is about (`category`).
    public struct Category: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let quality: Category = "quality"
        public static let delivery: Category = "delivery"
        public static let billing: Category = "billing"
        public static let damage: Category = "damage"
        public static let wrongItem: Category = "wrong_item"
        public static let other: Category = "other"
        public static let allCases: [Category] = [.quality, .delivery, .billing, .damage, .wrongItem, .other]
    }

    /// Ticket priority (`priority`).
    public struct Priority: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let low: Priority = "low"
        public static let normal: Priority = "normal"
        public static let high: Priority = "high"
        public static let urgent: Priority = "urgent"
        public static let allCases: [Priority] = [.low, .normal, .high, .urgent]
    }

    /// Ticket workflow status (`status`).
    public struct Status: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let new: Status = "new"
        public static let inProgress: Status = "in_progress"
        public static let waiting: Status = "waiting"
        public static let resolved: Status = "resolved"
        public static let closed: Status = "closed"
        public static let allCases: [Status] = [.new, .inProgress, .waiting, .resolved, .closed]
    }

    /// The measure taken (`measure`).
    public struct Measure: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let rejection: Measure = "rejection"
        public static let advice: Measure = "advice"
        public static let exchange: Measure = "exchange"
        public static let `return`: Measure = "return"
        public static let allCases: [Measure] = [.rejection, .advice, .exchange, .`return`]
    }
}
