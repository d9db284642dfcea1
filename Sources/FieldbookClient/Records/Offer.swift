import FieldbookModel
import FieldbookSync

/// A quote with ordered lines, totals and tax (entity `offer`).
///
/// Amounts are derived, never typed in: every save stores each line's
/// ``Line/net`` and the offer's ``netTotal``, ``taxAmount`` and
/// ``grossTotal`` computed exactly from the lines (see
/// `OfferTotals`), in the same change as the lines. A new
/// offer gets its provisional number from this device on its first save;
/// the server assigns ``finalNumber`` later.
///
/// ```swift
/// var offer = Offer(account: accountID, offerDate: today, taxRate: DecimalNumber(unchecked: "19.00"))
/// offer.lines.append(Offer.Line(product: productID, quantity: 3, listPrice: DecimalNumber(unchecked: "19.99")))
/// offer = try database.save(offer)
/// offer.grossTotal    // 71.36
/// ```
public struct Offer: EntityRecord {
    /// The schema entity.
    public static let entity = "offer"
    /// ``ClientDatabase/all(_:)`` lists by `offerDate` then `provisionalNumber` (ascending, empty first), then ID.
    public static let defaultOrder = ["offerDate", "provisionalNumber"]

    /// The record ID.
    public let id: String
    /// This device's number for the offer (`3F9A1C-2026-0007`), assigned on
    /// the first save; empty until then.
    public internal(set) var provisionalNumber: String
    /// The number the server assigned, once synced.
    public internal(set) var finalNumber: String?
    /// The customer (ID of an `account`; required).
    public var account: String
    /// The contact (ID of a `contact`).
    public var contact: String?
    /// The opportunity (ID of an `opportunity`).
    public var opportunity: String?
    /// Date of the offer (required).
    public var offerDate: CalendarDate
    /// Last day the offer is valid (required once sent).
    public var validUntil: CalendarDate?
    /// Draft, sent, accepted, rejected or expired (required).
    public var status: Status
    /// The lines, in order.
    public var lines: [Line]
    /// Tax rate in percent (required).
    public var taxRate: DecimalNumber
    /// Sum of the line nets, as stored by the last save.
    public internal(set) var netTotal: DecimalNumber?
    /// Tax on the net total, as stored by the last save.
    public internal(set) var taxAmount: DecimalNumber?
    /// Net total plus tax, as stored by the last save.
    public internal(set) var grossTotal: DecimalNumber?
    /// Payment terms.
    public var paymentTerms: String?
    /// Delivery terms.
    public var deliveryTerms: String?
    /// The follow-up task (ID of an `activity`).
    public var followUpTask: String?
    /// Owning user (ID of a `user`).
    public var owner: String?
    /// Notes.
    public var notes: String?
    /// Deletion and conflict state.
    public var metadata = RecordMetadata()

    /// Creates an offer; `account`, `offerDate` and `taxRate` are required.
    /// The provisional number is assigned when it is first saved.
    public init(
        id: String = ClientDatabase.newRecordID(), account: String, offerDate: CalendarDate, taxRate: DecimalNumber,
        status: Status = .draft, contact: String? = nil, opportunity: String? = nil, validUntil: CalendarDate? = nil,
        lines: [Line] = [], paymentTerms: String? = nil, deliveryTerms: String? = nil, followUpTask: String? = nil,
        owner: String? = nil, notes: String? = nil
    ) {
        self.id = id
        self.provisionalNumber = ""
        self.account = account
        self.contact = contact
        self.opportunity = opportunity
        self.offerDate = offerDate
        self.validUntil = validUntil
        self.status = status
        self.lines = lines
        self.taxRate = taxRate
        self.paymentTerms = paymentTerms
        self.deliveryTerms = deliveryTerms
        self.followUpTask = followUpTask
        self.owner = owner
        self.notes = notes
    }

    public init(from fields: FieldReader) throws(FieldValueError) {
        self.init(
            id: fields.id, account: try fields.required("account"), offerDate: try fields.required("offerDate"),
            taxRate: try fields.required("taxRate"), status: try fields.required("status")
        )
        provisionalNumber = try fields.required("provisionalNumber")
        finalNumber = try fields.optional("finalNumber")
        contact = try fields.optional("contact")
        opportunity = try fields.optional("opportunity")
        validUntil = try fields.optional("validUntil")
        lines = try fields.list("lines")
        netTotal = try fields.optional("netTotal")
        taxAmount = try fields.optional("taxAmount")
        grossTotal = try fields.optional("grossTotal")
        paymentTerms = try fields.optional("paymentTerms")
        deliveryTerms = try fields.optional("deliveryTerms")
        followUpTask = try fields.optional("followUpTask")
        owner = try fields.optional("owner")
        notes = try fields.optional("notes")
    }

    /// Writes the changed fields, then the amounts derived from the lines
    /// (`ChangeBuilder.updateOfferTotals()`): only those that
    /// differ from what is stored, so an unchanged offer writes nothing.
    public func write(to fields: inout FieldWriter<Offer>) throws {
        // Empty only on a value built in code: never clear a stored number.
        if !fields.record.provisionalNumber.isEmpty { fields.write("provisionalNumber", \.provisionalNumber) }
        fields.write("account", \.account)
        fields.write("contact", \.contact)
        fields.write("opportunity", \.opportunity)
        fields.write("offerDate", \.offerDate)
        fields.write("validUntil", \.validUntil)
        fields.write("status", \.status)
        try fields.write("lines", \.lines)
        fields.write("taxRate", \.taxRate)
        fields.write("paymentTerms", \.paymentTerms)
        fields.write("deliveryTerms", \.deliveryTerms)
        fields.write("followUpTask", \.followUpTask)
        fields.write("owner", \.owner)
        fields.write("notes", \.notes)
        fields.builder.updateOfferTotals()
    }

    /// Assigns the provisional number (``ClientDatabase/nextProvisionalOfferNumber(year:in:)``)
    /// unless one is set.
    public mutating func willInsert(in transaction: LocalTransaction) throws {
        guard provisionalNumber.isEmpty else { return }
        provisionalNumber = try transaction.database.nextProvisionalOfferNumber(
            year: offerDate.year, in: transaction.db)
    }

    /// The amounts of the lines as they are now, before saving (for a live
    /// total while the user edits).
    /// - Throws: `DecimalError` for absurd amounts.
    public func computedTotals() throws(DecimalError) -> OfferTotals {
        try OfferTotals(lines: lines.map(\.amounts), taxRate: taxRate)
    }
}
