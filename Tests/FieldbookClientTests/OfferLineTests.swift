import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

/// Offer amounts computed here with plain integers, independently of
/// `DecimalNumber` and `OfferTotals`: cents, half up.
enum IndependentOfferMath {
    /// Fixed-point value of `text` with `digits` fraction digits ("19.99", 2 → 1999).
    static func fixed(_ text: String, _ digits: Int) -> Int64 {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        let padded = fraction + String(repeating: "0", count: digits - fraction.count)
        return Int64(parts[0])! * Int64(pow(10, Double(digits))) + Int64(padded)!
    }

    /// Net of one line in cents: qty × price × (100 − discount)/100, half up.
    static func lineNetCents(quantity: String, price: String, discount: String) -> Int64 {
        // quantity in 1/1000, price in 1/100, (10000 − discount in 1/100 %) in 1/10000: total scale 10^9.
        let exact = fixed(quantity, 3) * fixed(price, 2) * (10_000 - fixed(discount, 2))
        return (exact + 5_000_000) / 10_000_000
    }

    /// Tax in cents on `netCents` at `rate` percent, half up.
    static func taxCents(_ netCents: Int64, rate: String) -> Int64 { (netCents * fixed(rate, 2) + 5_000) / 10_000 }

    /// "1234.50" for 123450.
    static func text(_ cents: Int64) -> String {
        let fraction = cents % 100
        return "\(cents / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}

@Suite("Offer lines and totals")
struct OfferLineTests {
    func offer(_ work: FieldWork, taxRate: Value = "19.00") throws -> RecordState {
        let account = try work.account()
        return try work.database.createOffer(offerDate: FieldWork.today) { change in
            change.set("account", to: .text(account))
            change.set("taxRate", to: taxRate)
        }
    }

    func decimal(_ text: String) -> DecimalNumber { DecimalNumber(unchecked: text) }

    @Test func totalsAreRightToTheCent() throws {
        let work = try FieldWork()
        let offer = try offer(work)
        let lines: [(quantity: String, price: String, discount: String)] = [
            ("3", "19.99", "12.5"),  // 52.47375
            ("1.5", "0.35", "0"),  // 0.525: exactly half a cent
            ("7", "33.33", "3"),  // 226.3107
            ("0.333", "2.99", "33.33"),  // 0.66381…
            ("1", "0.01", "50"),  // 0.005
            ("2.5", "1.15", "0"),  // 2.875
        ]
        for (index, line) in lines.enumerated() {
            try work.database.addOfferLine(
                to: offer.id,
                OfferLineInput(
                    product: "p-\(index)", quantity: decimal(line.quantity), listPrice: decimal(line.price),
                    discountPercent: decimal(line.discount)
                ),
                lineID: "line-\(index)"
            )
        }
        let stored = try #require(try work.database.record(offer.id))
        let nets = lines.map {
            IndependentOfferMath.lineNetCents(quantity: $0.quantity, price: $0.price, discount: $0.discount)
        }
        #expect(nets == [5247, 53, 22631, 66, 1, 288])
        #expect(stored.items(of: "lines").map(\.id) == (0..<6).map { "line-\($0)" })
        #expect(
            stored.items(of: "lines").map { $0.members["net"] } == nets.map { .text(IndependentOfferMath.text($0)) })
        let net = nets.reduce(0, +)
        let tax = IndependentOfferMath.taxCents(net, rate: "19.00")
        #expect(stored.value("netTotal") == .text(IndependentOfferMath.text(net)))
        #expect(stored.value("taxAmount") == .text(IndependentOfferMath.text(tax)))
        #expect(stored.value("grossTotal") == .text(IndependentOfferMath.text(net + tax)))
        #expect(stored.value("grossTotal") == "336.60")  // 282.86 + 53.74
        let issues = SchemaValidator(registry: .standard).validate(record: stored)
        #expect(!issues.hasErrors)
    }

    @Test func taxIsRoundedOnceOnTheTotal() throws {
        let work = try FieldWork()
        let offer = try offer(work, taxRate: "7.00")
        for index in 0..<3 {
            try work.database.addOfferLine(
                to: offer.id, OfferLineInput(product: "p", quantity: DecimalNumber(1), listPrice: decimal("0.50"))
            )
            _ = index
        }
        // Per line 0.035 would round to 0.04 each (0.12); on the total 1.50 × 7 % = 0.105 → 0.11.
        let stored = try #require(try work.database.record(offer.id))
        #expect(stored.value("netTotal") == "1.50")
        #expect(
            stored.value("taxAmount")
                == .text(IndependentOfferMath.text(IndependentOfferMath.taxCents(150, rate: "7.00"))))
        #expect(stored.value("taxAmount") == "0.11")
        #expect(stored.value("grossTotal") == "1.61")
    }

    @Test func linesAndTotalsCommitInOneChange() throws {
        let work = try FieldWork()
        let offer = try offer(work)
        let before = try work.database.outbox().count
        try work.database.addOfferLine(
            to: offer.id, OfferLineInput(product: "p", quantity: DecimalNumber(2), listPrice: decimal("10.00")),
            lineID: "l1"
        )
        let outbox = try work.database.outbox()
        #expect(outbox.count == before + 1)
        let slots = Set(try #require(outbox.last).change.ops.map(\.slot))
        #expect(slots.contains(.member("net", ofItem: "l1", in: "lines")))
        #expect(slots.isSuperset(of: [.field("netTotal"), .field("taxAmount"), .field("grossTotal")]))
    }

    @Test func aKnownProductSuppliesPriceUnitAndText() throws {
        let work = try FieldWork()
        let product = try work.fromServer(
            "product", ["number": "W-1", "name": "Widget", "unit": "pcs", "listPrice": "12.50"])
        let offer = try offer(work)
        let updated = try work.database.addOfferLine(
            to: offer.id, OfferLineInput(product: product, quantity: DecimalNumber(4), discountPercent: decimal("10")),
            lineID: "l1"
        )
        let line = try #require(updated.items(of: "lines").first)
        #expect(line.members["listPrice"] == "12.50")
        #expect(line.members["unit"] == "pcs")
        #expect(line.members["description"] == "Widget")
        #expect(line.members["net"] == "45.00")
        // A price given wins over the product's.
        let cheaper = try work.database.addOfferLine(
            to: offer.id, OfferLineInput(product: product, quantity: DecimalNumber(1), listPrice: decimal("9.99")),
            lineID: "l2"
        )
        #expect(cheaper.items(of: "lines").last?.members["listPrice"] == "9.99")
    }

    @Test func anUnknownProductNeedsAPrice() throws {
        let work = try FieldWork()
        let offer = try offer(work)
        #expect(throws: OfferError.listPriceUnknown(product: "p-unknown")) {
            try work.database.addOfferLine(
                to: offer.id, OfferLineInput(product: "p-unknown", quantity: DecimalNumber(1)))
        }
        #expect(throws: OfferError.tooPrecise(member: "listPrice")) {
            try work.database.addOfferLine(
                to: offer.id, OfferLineInput(product: "p", quantity: DecimalNumber(1), listPrice: decimal("1.005"))
            )
        }
        #expect(try work.database.record(offer.id)?.items(of: "lines").isEmpty == true)
    }

    @Test func editingMovingAndRemovingLinesKeepsTotalsRight() throws {
        let work = try FieldWork()
        let offer = try offer(work)
        func add(_ id: String, _ price: String, placement: LinePlacement = .end) throws {
            try work.database.addOfferLine(
                to: offer.id, OfferLineInput(product: "p", quantity: DecimalNumber(1), listPrice: decimal(price)),
                placement: placement, lineID: id
            )
        }
        try add("a", "10.00")
        try add("c", "30.00")
        try add("b", "20.00", placement: .after("a"))
        try add("first", "1.00", placement: .start)
        #expect(try work.database.record(offer.id)?.items(of: "lines").map(\.id) == ["first", "a", "b", "c"])
        #expect(try work.database.record(offer.id)?.value("netTotal") == "61.00")

        var updated = try work.database.editOfferLine(
            "b", of: offer.id, OfferLineInput(quantity: DecimalNumber(3), discountPercent: decimal("50")), moveTo: .end
        )
        #expect(updated.items(of: "lines").map(\.id) == ["first", "a", "c", "b"])
        #expect(updated.items(of: "lines").last?.members["net"] == "30.00")
        #expect(updated.value("netTotal") == "71.00")

        updated = try work.database.removeOfferLine("a", of: offer.id)
        #expect(updated.items(of: "lines").map(\.id) == ["first", "c", "b"])
        #expect(updated.value("netTotal") == "61.00")
        #expect(updated.value("taxAmount") == "11.59")
        #expect(updated.value("grossTotal") == "72.59")

        #expect(throws: OfferError.lineNotFound(offer: offer.id, line: "a")) {
            try work.database.removeOfferLine("a", of: offer.id)
        }
        #expect(throws: OfferError.lineNotFound(offer: offer.id, line: "zzz")) {
            try add("d", "1.00", placement: .after("zzz"))
        }
    }

    @Test func changingTheTaxRateRecomputesTheTotals() throws {
        let work = try FieldWork()
        let offer = try offer(work)
        try work.database.addOfferLine(
            to: offer.id, OfferLineInput(product: "p", quantity: DecimalNumber(1), listPrice: decimal("100.00")))
        let updated = try work.database.editOffer(offer.id) { $0.set("taxRate", to: "7.00") }
        #expect(updated.value("taxAmount") == "7.00")
        #expect(updated.value("grossTotal") == "107.00")
    }
}
