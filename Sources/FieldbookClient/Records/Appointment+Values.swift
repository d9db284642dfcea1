import FieldbookModel
import FieldbookSync

extension Appointment {
    /// Appointment status (`status`).
    public struct Status: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let planned: Status = "planned"
        public static let held: Status = "held"
        public static let cancelled: Status = "cancelled"
        public static let allCases: [Status] = [.planned, .held, .cancelled]
    }
}
