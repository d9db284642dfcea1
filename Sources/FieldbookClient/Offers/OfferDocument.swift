import FieldbookModel
import FieldbookSync

/// A printable offer: a self-contained HTML document (inline CSS, no
/// scripts, no external resources) with a company header placeholder, the
/// customer's address from the account, the offer numbers, date, validity,
/// the lines and the totals.
///
/// Amounts come from ``FieldbookModel/OfferTotals`` (the same exact
/// arithmetic that stores the totals), so the print is correct to the cent
/// even when stored totals lag behind. Every text is HTML-escaped.
///
/// ```swift
/// let html = try OfferDocument(offer: offer, account: account).html()
/// ```
public struct OfferDocument: Sendable {
    /// The offer record.
    public var offer: RecordState
    /// The offer's account (address block), when known on this device.
    public var account: RecordState?
    /// Product names by product ID, for lines without a description.
    public var productNames: [String: String]
    /// Text for the letterhead.
    public var companyHeader: String

    /// Creates a document.
    public init(
        offer: RecordState, account: RecordState? = nil, productNames: [String: String] = [:],
        companyHeader: String = "Your Company · Street 1 · 12345 City"
    ) {
        self.offer = offer
        self.account = account
        self.productNames = productNames
        self.companyHeader = companyHeader
    }

    /// The HTML text.
    /// - Throws: ``FieldbookModel/FieldValueError`` when a line lacks its quantity or price.
    public func html() throws -> String {
        let totals = try OfferTotals(offer: offer)
        let text = { (field: String) in offer.value(field)?.text ?? "" }
        let provisional = text("provisionalNumber")
        let final = text("finalNumber")
        var body: [String] = []
        body.append("<header><p class=\"company\">\(Self.escape(companyHeader))</p></header>")
        body.append("<address>\(addressLines().map(Self.escape).joined(separator: "<br>"))</address>")
        body.append("<h1>Offer \(Self.escape(final.isEmpty ? provisional : final))</h1>")
        var facts: [(String, String)] = []
        if !final.isEmpty { facts.append(("Offer number", final)) }
        facts.append((final.isEmpty ? "Provisional number" : "Provisional number (device)", provisional))
        facts.append(("Date", text("offerDate")))
        if !text("validUntil").isEmpty { facts.append(("Valid until", text("validUntil"))) }
        body.append(
            "<table class=\"facts\">"
                + facts.map { "<tr><th>\(Self.escape($0.0))</th><td>\(Self.escape($0.1))</td></tr>" }.joined()
                + "</table>"
        )
        body.append(try linesTable(totals))
        for (label, field) in [("Payment terms", "paymentTerms"), ("Delivery terms", "deliveryTerms")]
        where !text(field).isEmpty {
            body.append("<p><strong>\(label):</strong> \(Self.escape(text(field)))</p>")
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Offer \(Self.escape(final.isEmpty ? provisional : final))</title>
            <style>
            body { font-family: sans-serif; margin: 2cm; }
            table { border-collapse: collapse; }
            .lines { width: 100%; margin-top: 1em; }
            .lines th, .lines td { border-bottom: 1px solid #999; padding: 4px; }
            .num { text-align: right; }
            .facts th { text-align: left; padding-right: 1em; }
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// Account name and its billing (else first) address.
    func addressLines() -> [String] {
        guard let account else { return [offer.value("account")?.text ?? ""] }
        var lines = [account.value("name")?.text ?? account.id]
        let addresses = account.items(of: "addresses")
        if let address = addresses.first(where: { $0.members["kind"]?.text == "billing" }) ?? addresses.first {
            let member = { (name: String) in address.members[name]?.text ?? "" }
            lines.append(member("street"))
            lines.append([member("postalCode"), member("city")].filter { !$0.isEmpty }.joined(separator: " "))
            lines.append(member("country"))
        }
        return lines.filter { !$0.isEmpty }
    }

    private func linesTable(_ totals: OfferTotals) throws -> String {
        let money = { (amount: DecimalNumber) throws -> String in try amount.canonicalText(scale: 2) }
        var rows: [String] = []
        for (index, item) in offer.items(of: "lines").enumerated() {
            let member = { (name: String) in item.members[name]?.text ?? "" }
            let product = productNames[member("product")] ?? member("product")
            let description = member("description").isEmpty ? product : member("description")
            let net = try totals.lineNets[item.id].map(money) ?? ""
            let cells: [(String, Bool)] = [
                (String(index + 1), true), (description, false),
                ([member("quantity"), member("unit")].filter { !$0.isEmpty }.joined(separator: " "), true),
                (member("listPrice"), true), (member("discountPercent").isEmpty ? "" : member("discountPercent") + " %", true),
                (net, true),
            ]
            rows.append("<tr>" + cells.map { Self.cell($0.0, numeric: $0.1) }.joined() + "</tr>")
        }
        let rate = offer.value("taxRate")?.text ?? "0"
        let footer = [("Net total", try money(totals.net)), ("Tax \(rate) %", try money(totals.tax)),
                      ("Gross total", try money(totals.gross))]
            .map { "<tr><th colspan=\"5\" class=\"num\">\(Self.escape($0.0))</th>\(Self.cell($0.1, numeric: true))</tr>" }
        return """
            <table class="lines">
            <thead><tr><th>#</th><th>Product</th><th class="num">Quantity</th><th class="num">List price</th>\
            <th class="num">Discount</th><th class="num">Net</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            <tfoot>
            \(footer.joined(separator: "\n"))
            </tfoot>
            </table>
            """
    }

    private static func cell(_ text: String, numeric: Bool) -> String {
        (numeric ? "<td class=\"num\">" : "<td>") + escape(text) + "</td>"
    }

    /// `text` with `& < > " '` replaced by character references.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
