import FieldbookModel
import FieldbookSync

/// A service ticket (complaint) with category, workflow status and measure
/// (entity `ticket`); handling time is `closedAt − openedAt`.
///
/// ```swift
/// let ticket = Ticket(
///     subject: "Scratched housing", account: accountID, category: .damage, status: .new, openedAt: now)
/// try database.save(ticket)
/// ```
public struct Ticket: EntityRecord {
    /// The schema entity.
    public static let entity = "ticket"
    /// ``ClientDatabase/all(_:)`` lists by `openedAt` (ascending, empty first), then ID.
    public static let defaultOrder = ["openedAt"]

    /// The record ID.
    public let id: String
    /// Ticket number.
    public var number: String?
    /// Subject (required).
    public var subject: String
    /// Description.
    public var description: String?
    /// The customer (ID of an `account`; required).
    public var account: String
    /// The contact (ID of a `contact`).
    public var contact: String?
    /// The product concerned (ID of a `product`).
    public var product: String?
    /// The order concerned (ID of an `order`).
    public var order: String?
    /// The order number as the customer gave it.
    public var orderNumber: String?
    /// Category (required).
    public var category: Category
    /// Priority.
    public var priority: Priority?
    /// Workflow status (required).
    public var status: Status
    /// The measure taken (required once resolved).
    public var measure: Measure?
    /// The exchange order (ID of an `order`).
    public var exchangeOrder: String?
    /// Who handles it (ID of a `user`).
    public var assignee: String?
    /// When it was opened (required).
    public var openedAt: UTCDateTime
    /// When it was closed (required once closed).
    public var closedAt: UTCDateTime?
    /// How it was resolved.
    public var resolution: String?
    /// Deletion and conflict state.
    public var metadata = RecordMetadata()

    /// Creates a ticket; `subject`, `account`, `category`, `status`, `openedAt` are required.
    public init(
        id: String = ClientDatabase.newRecordID(), subject: String, account: String, category: Category,
        status: Status, openedAt: UTCDateTime, number: String? = nil, description: String? = nil,
        contact: String? = nil, product: String? = nil, order: String? = nil, orderNumber: String? = nil,
        priority: Priority? = nil, measure: Measure? = nil, exchangeOrder: String? = nil,
        assignee: String? = nil, closedAt: UTCDateTime? = nil, resolution: String? = nil
    ) {
        self.id = id
        self.number = number
        self.subject = subject
        self.description = description
        self.account = account
        self.contact = contact
        self.product = product
        self.order = order
        self.orderNumber = orderNumber
        self.category = category
        self.priority = priority
        self.status = status
        self.measure = measure
        self.exchangeOrder = exchangeOrder
        self.assignee = assignee
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.resolution = resolution
    }

    public init(from fields: FieldReader) throws(FieldValueError) {
        self.init(
            id: fields.id, subject: try fields.required("subject"), account: try fields.required("account"),
            category: try fields.required("category"), status: try fields.required("status"),
            openedAt: try fields.required("openedAt")
        )
        number = try fields.optional("number")
        description = try fields.optional("description")
        contact = try fields.optional("contact")
        product = try fields.optional("product")
        order = try fields.optional("order")
        orderNumber = try fields.optional("orderNumber")
        priority = try fields.optional("priority")
        measure = try fields.optional("measure")
        exchangeOrder = try fields.optional("exchangeOrder")
        assignee = try fields.optional("assignee")
        closedAt = try fields.optional("closedAt")
        resolution = try fields.optional("resolution")
    }

    public func write(to fields: inout FieldWriter<Ticket>) throws {
        fields.write("number", \.number)
        fields.write("subject", \.subject)
        fields.write("description", \.description)
        fields.write("account", \.account)
        fields.write("contact", \.contact)
        fields.write("product", \.product)
        fields.write("order", \.order)
        fields.write("orderNumber", \.orderNumber)
        fields.write("category", \.category)
        fields.write("priority", \.priority)
        fields.write("status", \.status)
        fields.write("measure", \.measure)
        fields.write("exchangeOrder", \.exchangeOrder)
        fields.write("assignee", \.assignee)
        fields.write("openedAt", \.openedAt)
        fields.write("closedAt", \.closedAt)
        fields.write("resolution", \.resolution)
    }
}
