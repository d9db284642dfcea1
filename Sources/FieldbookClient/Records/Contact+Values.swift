import FieldbookModel
import FieldbookSync

extension Contact {
    /// Form of address (`salutation`).
    public struct Salutation: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let mr: Salutation = "mr"
        public static let ms: Salutation = "ms"
        public static let mx: Salutation = "mx"
        public static let allCases: [Salutation] = [.mr, .ms, .mx]
    }

    /// A contact's part in buying decisions (`buyingRole`, also in `accountRoles`).
    public struct BuyingRole: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let decisionMaker: BuyingRole = "decision_maker"
        public static let user: BuyingRole = "user"
        public static let purchaser: BuyingRole = "purchaser"
        public static let influencer: BuyingRole = "influencer"
        public static let allCases: [BuyingRole] = [.decisionMaker, .user, .purchaser, .influencer]
    }

    /// The contact's role at a further account (an item of `accountRoles`).
    public struct AccountRole: ListItemRecord {
        /// The item ID.
        public let id: String
        /// The account (ID of an `account`; required).
        public var account: String
        /// Job function there.
        public var function: String?
        /// Part in buying decisions there.
        public var buyingRole: BuyingRole?

        /// Creates an item.
        public init(
            id: String = ClientDatabase.newRecordID(), account: String, function: String? = nil,
            buyingRole: BuyingRole? = nil
        ) {
            self.id = id
            self.account = account
            self.function = function
            self.buyingRole = buyingRole
        }

        public init(from members: FieldReader) throws(FieldValueError) {
            self.init(
                id: members.id, account: try members.required("account"),
                function: try members.optional("function"),
                buyingRole: try members.optional("buyingRole")
            )
        }

        public func write(to members: inout MemberWriter<AccountRole>) {
            members.write("account", \.account)
            members.write("function", \.function)
            members.write("buyingRole", \.buyingRole)
        }
    }
}
