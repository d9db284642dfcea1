import FieldbookSync

/// The amounts of an offer, computed exactly from its lines.
///
/// - each line's net: see ``OfferLine/net(scale:rule:)``, rounded to the cent;
/// - ``net``: the sum of the rounded line nets;
/// - ``tax``: `net × taxRate / 100`, rounded to the cent once on the total;
/// - ``gross``: `net + tax`.
///
/// ```swift
/// let totals = try OfferTotals(offer: record)
/// totals.gross.canonicalText(scale: 2)
/// ```
public struct OfferTotals: Hashable, Sendable {
    /// Net amount per line ID.
    public var lineNets: [String: DecimalNumber]
    /// Sum of the line nets.
    public var net: DecimalNumber
    /// Tax on the net total.
    public var tax: DecimalNumber
    /// Net plus tax.
    public var gross: DecimalNumber

    /// Computes the totals of `lines` at `taxRate` percent.
    /// - Throws: ``DecimalError/overflow(operation:)`` for absurd amounts.
    public init(lines: [OfferLine], taxRate: DecimalNumber, rule: RoundingRule = .halfUp) throws(DecimalError) {
        var nets: [String: DecimalNumber] = [:]
        var net = DecimalNumber.zero
        for line in lines {
            let lineNet = try line.net(rule: rule)
            nets[line.id] = lineNet
            net = try net.adding(lineNet)
        }
        self.lineNets = nets
        self.net = try net.rescaled(to: 2)
        self.tax = try self.net.percentage(taxRate, roundedTo: 2, rule: rule)
        self.gross = try self.net.adding(tax)
    }

    /// Computes the totals of an offer record (`lines`, `taxRate`; a missing tax rate counts as 0).
    /// - Throws: ``FieldValueError`` for missing or malformed numbers.
    public init(offer: RecordState, rule: RoundingRule = .halfUp) throws(FieldValueError) {
        var lines: [OfferLine] = []
        for item in offer.items(of: "lines") {
            lines.append(try OfferLine(item: item))
        }
        let taxRate: DecimalNumber
        switch offer.value("taxRate") {
        case nil, .null?:
            taxRate = .zero
        case let value?:
            guard let rate = value.decimal else { throw .malformed(field: "taxRate", item: nil, expected: "decimal") }
            taxRate = rate
        }
        do { self = try OfferTotals(lines: lines, taxRate: taxRate, rule: rule) } catch { throw .arithmetic(error) }
    }
}
