import FieldbookModel
import FieldbookSync

extension Account {
    /// What an organisation is to us (`roles`).
    public struct Role: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let customer: Role = "customer"
        public static let prospect: Role = "prospect"
        public static let partner: Role = "partner"
        public static let competitor: Role = "competitor"
        public static let supplier: Role = "supplier"
        public static let allCases: [Role] = [.customer, .prospect, .partner, .competitor, .supplier]
    }

    /// Whether the account is in business (`status`).
    public struct Status: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let active: Status = "active"
        public static let inactive: Status = "inactive"
        public static let allCases: [Status] = [.active, .inactive]
    }

    /// ABC class by revenue share (`abcClass`).
    public struct ABCClass: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let a: ABCClass = "A"
        public static let b: ABCClass = "B"
        public static let c: ABCClass = "C"
        public static let allCases: [ABCClass] = [.a, .b, .c]
    }

    /// One address of an account (an item of `addresses`).
    public struct Address: ListItemRecord {
        /// What an address is used for.
        public struct Kind: EnumerationValue {
            public let rawValue: String
            public init(rawValue: String) { self.rawValue = rawValue }
            public static let billing: Kind = "billing"
            public static let shipping: Kind = "shipping"
            public static let visiting: Kind = "visiting"
            public static let postal: Kind = "postal"
            public static let allCases: [Kind] = [.billing, .shipping, .visiting, .postal]
        }

        /// The item ID.
        public let id: String
        /// Billing, shipping, visiting or postal (required).
        public var kind: Kind
        /// Street and number.
        public var street: String?
        /// Postal code.
        public var postalCode: String?
        /// City.
        public var city: String?
        /// ISO 3166 country code, two letters.
        public var country: String?

        /// Creates an address.
        public init(
            id: String = ClientDatabase.newRecordID(), kind: Kind, street: String? = nil, postalCode: String? = nil,
            city: String? = nil, country: String? = nil
        ) {
            self.id = id
            self.kind = kind
            self.street = street
            self.postalCode = postalCode
            self.city = city
            self.country = country
        }

        public init(from members: FieldReader) throws(FieldValueError) {
            self.init(
                id: members.id, kind: try members.required("kind"), street: try members.optional("street"),
                postalCode: try members.optional("postalCode"), city: try members.optional("city"),
                country: try members.optional("country")
            )
        }

        public func write(to members: inout MemberWriter<Address>) {
            members.write("kind", \.kind)
            members.write("street", \.street)
            members.write("postalCode", \.postalCode)
            members.write("city", \.city)
            members.write("country", \.country)
        }
    }
}
