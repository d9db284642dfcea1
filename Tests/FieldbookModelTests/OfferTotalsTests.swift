import FieldbookModel
import FieldbookSync
import Testing

@Suite("Offer totals")
struct OfferTotalsTests {
    typealias F = Fixtures
    func d(_ text: String) -> DecimalNumber { DecimalNumber(unchecked: text) }

    @Test func handWorkedExample() throws {
        // 3 × 19.99 = 59.97, less 12.5 % = 52.47375 → 52.47
        // 2 × 0.25 = 0.50, less 75 % = 0.125 → 0.13 (half up; banker's: 0.12)
        // net 52.60, tax 19 % = 9.994 → 9.99, gross 62.59
        let lines = [
            OfferLine(id: "a", quantity: 3, listPrice: d("19.99"), discountPercent: d("12.50")),
            OfferLine(id: "b", quantity: 2, listPrice: d("0.25"), discountPercent: 75),
        ]
        let totals = try OfferTotals(lines: lines, taxRate: 19)
        #expect(totals.lineNets["a"]?.description == "52.47")
        #expect(totals.lineNets["b"]?.description == "0.13")
        #expect(totals.net.description == "52.60")
        #expect(totals.tax.description == "9.99")
        #expect(totals.gross.description == "62.59")
        let banker = try OfferTotals(lines: lines, taxRate: 19, rule: .halfEven)
        #expect(banker.lineNets["b"]?.description == "0.12")
        #expect(banker.gross.description == "62.58")  // 52.59 + 9.99 (9.9921)
    }

    @Test func emptyAndFullDiscount() throws {
        let none = try OfferTotals(lines: [], taxRate: 19)
        #expect(none.net.description == "0.00" && none.gross.description == "0.00")
        let free = try OfferTotals(lines: [OfferLine(id: "a", quantity: 5, listPrice: d("10.00"), discountPercent: 100)], taxRate: 19)
        #expect(free.gross == .zero)
    }

    /// Half-up division of a non-negative integer, done with plain Int64 in the test.
    static func roundHalfUp(_ value: Int64, dividingBy divisor: Int64) -> Int64 {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder * 2 >= divisor ? quotient + 1 : quotient
    }

    @Test func randomOffersMatchAnIndependentIntegerComputation() throws {
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int64) -> Int64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            var lines: [OfferLine] = []
            var expectedNetCents: Int64 = 0
            for index in 0..<Int(next(8)) {
                let milli = 1 + next(999_999)  // quantity in thousandths, up to 1000
                let cents = next(10_000_000)  // list price up to 99,999.99
                let basisPoints = next(10_001)  // discount 0.00 % … 100.00 %
                // milli × cents × (10000 − bp) is in units of 1e-3 × 1e-2 × 1e-4 = 1e-9; cents are 1e-2.
                expectedNetCents += Self.roundHalfUp(milli * cents * (10_000 - basisPoints), dividingBy: 10_000_000)
                lines.append(
                    OfferLine(
                        id: "l\(index)", quantity: try DecimalNumber(significand: milli, scale: 3),
                        listPrice: try DecimalNumber(significand: cents, scale: 2),
                        discountPercent: try DecimalNumber(significand: basisPoints, scale: 2)
                    )
                )
            }
            let taxBasisPoints = [0, 700, 1_900, 770, 250][Int(next(5))]
            let expectedTax = Self.roundHalfUp(expectedNetCents * Int64(taxBasisPoints), dividingBy: 10_000)
            let totals = try OfferTotals(lines: lines, taxRate: try DecimalNumber(significand: Int64(taxBasisPoints), scale: 2))
            #expect(totals.net == (try DecimalNumber(significand: expectedNetCents, scale: 2)))
            #expect(totals.tax == (try DecimalNumber(significand: expectedTax, scale: 2)))
            #expect(totals.gross == (try DecimalNumber(significand: expectedNetCents + expectedTax, scale: 2)))
            #expect(totals.gross.scale == 2)
        }
    }

    @Test func totalsFromARecord() throws {
        let record = try F.record(F.change("offer", F.offer))
        let totals = try OfferTotals(offer: record)
        #expect(totals.net.description == "52.47")
        #expect(totals.tax.description == "9.97")  // 9.9693
        #expect(totals.gross.description == "62.44")
        let broken = try F.record(
            F.change("offer", F.offer + [Operation(slot: .member("quantity", ofItem: "line-2", in: "lines"), value: "1.000"),
                                         Operation(slot: .item("line-2", of: "lines"), value: true)])
        )
        #expect(throws: FieldValueError.missing(field: "lines.listPrice", item: "line-2")) { try OfferTotals(offer: broken) }
    }

    @Test func storedAmountsAreChecked() throws {
        let validator = SchemaValidator()
        let right = F.offer + [
            Operation(slot: .member("net", ofItem: "line-1", in: "lines"), value: "52.47"),
            F.set("netTotal", "52.47"), F.set("taxAmount", "9.97"), F.set("grossTotal", "62.44"),
        ]
        #expect(validator.validate(record: try F.record(F.change("offer", right))).isEmpty)
        let wrong = F.offer + [
            Operation(slot: .member("net", ofItem: "line-1", in: "lines"), value: "52.48"),
            F.set("netTotal", "52.47"), F.set("taxAmount", "9.96"), F.set("grossTotal", "62.44"),
        ]
        let issues = validator.validate(record: try F.record(F.change("offer", wrong)))
        #expect(issues.map(\.code.rawValue) == ["offer_line_net_mismatch", "offer_totals_mismatch"])
        #expect(issues.map(\.field) == ["lines", "taxAmount"])
    }
}
