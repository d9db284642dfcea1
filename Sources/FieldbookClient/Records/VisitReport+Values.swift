import FieldbookModel
import FieldbookSync

extension VisitReport {

    /// A gift handed over during the visit (an item of `gifts`).
    public struct Gift: ListItemRecord {
        /// The item ID.
        public let id: String
        /// What was given (required).
        public var description: String
        /// Its value (money).
        public var value: DecimalNumber?
        /// Who received it (ID of a `contact`).
        public var recipient: String?

        /// Creates an item.
        public init(
            id: String = ClientDatabase.newRecordID(), description: String, value: DecimalNumber? = nil,
            recipient: String? = nil
        ) {
            self.id = id
            self.description = description
            self.value = value
            self.recipient = recipient
        }

        public init(from members: FieldReader) throws(FieldValueError) {
            self.init(
                id: members.id, description: try members.required("description"),
                value: try members.optional("value"), recipient: try members.optional("recipient")
            )
        }

        public func write(to members: inout MemberWriter<Gift>) {
            members.write("description", \.description)
            members.write("value", \.value)
            members.write("recipient", \.recipient)
        }
    }
}
