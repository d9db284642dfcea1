import FieldbookModel
import FieldbookSync

/// A catalogue product, usually imported from the ERP (entity `product`).
/// Reference data: reps read products; their saves are refused by validation.
///
/// ```swift
/// let products = try database.all(Product.self)
/// let active = products.filter { $0.active == true }
/// ```
public struct Product: EntityRecord {
    /// The schema entity.
    public static let entity = "product"
    /// ``ClientDatabase/all(_:)`` lists by `name` (ascending, empty first), then ID.
    public static let defaultOrder = ["name"]

    /// The record ID.
    public let id: String
    /// Product number (required).
    public var number: String
    /// Name (required).
    public var name: String
    /// Description.
    public var description: String?
    /// Unit (pcs, m, kg).
    public var unit: String?
    /// List price per unit (money).
    public var listPrice: DecimalNumber?
    /// Tax rate in percent.
    public var taxRate: DecimalNumber?
    /// Product group.
    public var productGroup: String?
    /// Whether it can be offered.
    public var active: Bool?
    /// Key in the ERP.
    public var erpKey: String?
    /// Deletion and conflict state.
    public var metadata = RecordMetadata()

    /// Creates a product; `number`, `name` are required.
    public init(
        id: String = ClientDatabase.newRecordID(), number: String, name: String, description: String? = nil,
        unit: String? = nil, listPrice: DecimalNumber? = nil, taxRate: DecimalNumber? = nil,
        productGroup: String? = nil, active: Bool? = nil, erpKey: String? = nil
    ) {
        self.id = id
        self.number = number
        self.name = name
        self.description = description
        self.unit = unit
        self.listPrice = listPrice
        self.taxRate = taxRate
        self.productGroup = productGroup
        self.active = active
        self.erpKey = erpKey
    }

    public init(from fields: FieldReader) throws(FieldValueError) {
        self.init(
            id: fields.id, number: try fields.required("number"), name: try fields.required("name")
        )
        description = try fields.optional("description")
        unit = try fields.optional("unit")
        listPrice = try fields.optional("listPrice")
        taxRate = try fields.optional("taxRate")
        productGroup = try fields.optional("productGroup")
        active = try fields.optional("active")
        erpKey = try fields.optional("erpKey")
    }

    public func write(to fields: inout FieldWriter<Product>) throws {
        fields.write("number", \.number)
        fields.write("name", \.name)
        fields.write("description", \.description)
        fields.write("unit", \.unit)
        fields.write("listPrice", \.listPrice)
        fields.write("taxRate", \.taxRate)
        fields.write("productGroup", \.productGroup)
        fields.write("active", \.active)
        fields.write("erpKey", \.erpKey)
    }
}
