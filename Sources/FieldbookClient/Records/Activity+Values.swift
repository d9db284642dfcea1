import FieldbookModel
import FieldbookSync

extension Activity {
    /// History kinds and `task` (`kind`).
    public struct Kind: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let call: Kind = "call"
        public static let visit: Kind = "visit"
        public static let letter: Kind = "letter"
        public static let email: Kind = "email"
        public static let note: Kind = "note"
        public static let task: Kind = "task"
        public static let allCases: [Kind] = [.call, .visit, .letter, .email, .note, .task]
    }

    /// Who initiated the contact (`direction`).
    public struct Direction: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let inbound: Direction = "inbound"
        public static let outbound: Direction = "outbound"
        public static let allCases: [Direction] = [.inbound, .outbound]
    }

    /// Task status (`status`).
    public struct Status: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let open: Status = "open"
        public static let inProgress: Status = "in_progress"
        public static let done: Status = "done"
        public static let cancelled: Status = "cancelled"
        public static let allCases: [Status] = [.open, .inProgress, .done, .cancelled]
    }
}
