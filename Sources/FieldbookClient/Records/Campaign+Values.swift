import FieldbookModel
import FieldbookSync

extension Campaign {
    /// Campaign channel (`channel`).
    public struct Channel: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let letter: Channel = "letter"
        public static let email: Channel = "email"
        public static let call: Channel = "call"
        public static let event: Channel = "event"
        public static let mixed: Channel = "mixed"
        public static let allCases: [Channel] = [.letter, .email, .call, .event, .mixed]
    }

    /// Campaign status (`status`).
    public struct Status: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let planned: Status = "planned"
        public static let active: Status = "active"
        public static let completed: Status = "completed"
        public static let cancelled: Status = "cancelled"
        public static let allCases: [Status] = [.planned, .active, .completed, .cancelled]
    }

    /// A letter, e-mail or call-script template (an item of `templates`).
    public struct Template: ListItemRecord {
        /// Kind of template.
        public struct Kind: EnumerationValue {
            public let rawValue: String
            public init(rawValue: String) { self.rawValue = rawValue }
            public static let letter: Kind = "letter"
            public static let email: Kind = "email"
            public static let callScript: Kind = "call_script"
            public static let allCases: [Kind] = [.letter, .email, .callScript]
        }

        /// The item ID.
        public let id: String
        /// Letter, email or call script (required).
        public var kind: Kind
        /// Name (required).
        public var name: String
        /// Subject line.
        public var subject: String?
        /// Text.
        public var body: String?

        /// Creates an item.
        public init(
            id: String = ClientDatabase.newRecordID(), kind: Kind, name: String, subject: String? = nil,
            body: String? = nil
        ) {
            self.id = id
            self.kind = kind
            self.name = name
            self.subject = subject
            self.body = body
        }

        public init(from members: FieldReader) throws(FieldValueError) {
            self.init(
                id: members.id, kind: try members.required("kind"), name: try members.required("name"),
                subject: try members.optional("subject"), body: try members.optional("body")
            )
        }

        public func write(to members: inout MemberWriter<Template>) {
            members.write("kind", \.kind)
            members.write("name", \.name)
            members.write("subject", \.subject)
            members.write("body", \.body)
        }
    }
}
