import FieldbookModel
import FieldbookSync
import Testing

@Suite("Decimal numbers")
struct DecimalNumberTests {
    func d(_ text: String) -> DecimalNumber { DecimalNumber(unchecked: text) }

    @Test(arguments: [
        ("12.50", Int64(1250), 2), ("-0.5", -5, 1), ("+3", 3, 0), ("007.250", 7250, 3), ("0", 0, 0),
        ("9223372036854775807", .max, 0), ("-9223372036854775807", -.max, 0),
        ("0.000000000000000001", 1, 18),
    ])
    func parsesPlainDecimals(text: String, significand: Int64, scale: Int) throws {
        let number = try DecimalNumber(parsing: text)
        #expect(number.significand == significand)
        #expect(number.scale == scale)
    }

    @Test(arguments: ["", "-", "+", "1e5", "1.", ".5", "1,5", " 1", "1 ", "1.2.3", "--1", "0x10", "1_000", "١٢"])
    func rejectsMalformedText(text: String) {
        #expect(throws: DecimalError.self) { try DecimalNumber(parsing: text) }
    }

    @Test func rejectsOutOfRangeText() {
        #expect(throws: DecimalError.overflow(operation: "parse")) { try DecimalNumber(parsing: "9223372036854775808") }
        #expect(throws: DecimalError.overflow(operation: "parse")) { try DecimalNumber(parsing: "-9223372036854775808") }
        #expect(throws: DecimalError.scaleOutOfRange(19)) { try DecimalNumber(parsing: "0.0000000000000000001") }
        #expect(throws: DecimalError.overflow(operation: "init")) { try DecimalNumber(significand: .min, scale: 0) }
        #expect(throws: DecimalError.scaleOutOfRange(19)) { try DecimalNumber(significand: 1, scale: 19) }
    }

    @Test(arguments: [
        ("12.50", 2, true), ("12.5", 2, false), ("012.50", 2, false), ("-0.00", 2, false), ("0.00", 2, true),
        ("-0.01", 2, true), ("1.00e2", 2, false), ("+1.00", 2, false), ("100", 0, true), ("100.0", 0, false),
        ("", 2, false), ("0.050", 3, true), ("-12345678901234567.89", 2, true), ("1.000", 2, false),
        ("92233720368547758.08", 2, false), ("00", 0, false), ("-0", 0, false),
    ])
    func canonicalForm(text: String, scale: Int, canonical: Bool) {
        #expect(DecimalNumber.isCanonical(text, scale: scale) == canonical)
    }

    @Test func canonicalTextPadsButNeverRounds() throws {
        #expect(try d("12.5").canonicalText(scale: 2) == "12.50")
        #expect(try d("-0.5").canonicalText(scale: 2) == "-0.50")
        #expect(try d("0.05").canonicalText(scale: 2) == "0.05")
        #expect(try d("-0.000").canonicalText(scale: 2) == "0.00")
        #expect(try d("7").value(scale: 3) == .text("7.000"))
        #expect(throws: DecimalError.inexact(scale: 2)) { try d("12.345").canonicalText(scale: 2) }
        #expect(try d("12.340").canonicalText(scale: 2) == "12.34")
        #expect(throws: DecimalError.self) { try d("92233720368547758.07").canonicalText(scale: 3) }
    }

    @Test(arguments: [
        // exact, halfUp, halfEven at 2 digits
        ("0.125", "0.13", "0.12"), ("0.135", "0.14", "0.14"), ("-0.125", "-0.13", "-0.12"),
        ("-0.135", "-0.14", "-0.14"), ("0.1250001", "0.13", "0.13"), ("0.1249999", "0.12", "0.12"),
        ("2.675", "2.68", "2.68"), ("-0.004", "0.00", "0.00"), ("-0.005", "-0.01", "0.00"), ("0.015", "0.02", "0.02"),
        ("99.995", "100.00", "100.00"), ("1", "1.00", "1.00"), ("0.000000000000000005", "0.00", "0.00"),
    ])
    func roundsToTheCent(exact: String, halfUp: String, halfEven: String) throws {
        #expect(try d(exact).rounded(toScale: 2, rule: .halfUp).canonicalText(scale: 2) == halfUp)
        #expect(try d(exact).rounded(toScale: 2, rule: .halfEven).canonicalText(scale: 2) == halfEven)
    }

    @Test func roundingNeverYieldsNegativeZero() throws {
        let rounded = try d("-0.001").rounded(toScale: 2)
        #expect(rounded.isZero && !rounded.isNegative)
        #expect(rounded.description == "0.00")
    }

    @Test func additionIsExact() throws {
        #expect(try d("0.1").adding(d("0.2")) == d("0.3"))
        #expect(try d("0.1").adding(d("0.2")).description == "0.3")
        #expect(try d("1.05").subtracting(d("2.1")).description == "-1.05")
        #expect(try d("-5.00").adding(d("5")).description == "0.00")
        #expect(try DecimalNumber.sum([d("19.99"), d("0.01"), d("-5.5")]).description == "14.50")
        #expect(try DecimalNumber.sum([DecimalNumber]()) == .zero)
    }

    @Test func additionOverflowIsReported() throws {
        #expect(throws: DecimalError.overflow(operation: "add")) { try DecimalNumber(.max).adding(1) }
        #expect(throws: DecimalError.overflow(operation: "add")) { try DecimalNumber(-.max).subtracting(1) }
        // Aligning to scale 1 overflows 64 bits for the left operand, yet the result fits.
        let sum = try d("922337203685477581").adding(d("-1.0"))
        #expect(sum.description == "922337203685477580.0")
    }

    @Test func multiplicationIsExact() throws {
        #expect(try d("19.99").multiplied(by: 3).description == "59.97")
        #expect(try d("-1.5").multiplied(by: d("-1.5")).description == "2.25")
        #expect(try d("0.1").multiplied(by: d("-0.1")).description == "-0.01")
        #expect(throws: DecimalError.scaleOutOfRange(20)) {
            try d("0.0000000001").multiplied(by: d("0.0000000001"))
        }
        #expect(throws: DecimalError.overflow(operation: "multiply")) {
            try d("4611686018427387904").multiplied(by: 2)
        }
    }

    @Test func productsUseWideIntermediates() throws {
        // 987654321 × 987654321 × 8765 ≈ 8.5e21 overflows 64 bits before the single rounding.
        let net = try DecimalNumber.product([d("987654.321"), d("9876543.21"), d("87.65"), d("0.01")], roundedTo: 2)
        #expect(net.description == "8549916171529.10")  // exactly 8549916171529.096174365
        let tie = try DecimalNumber.product([d("999999.999"), d("9999999.99"), d("87.50"), d("0.01")], roundedTo: 2)
        #expect(tie.description == "8749999982500.00")
        #expect(try DecimalNumber.product([], roundedTo: 0) == 1)
        #expect(throws: DecimalError.overflow(operation: "multiply")) {
            try DecimalNumber.product([d("9223372036854775807"), 10], roundedTo: 0)
        }
    }

    @Test func divisionRoundsOnce() throws {
        #expect(try DecimalNumber(10).divided(by: 3, roundedTo: 2).description == "3.33")
        #expect(try DecimalNumber(2).divided(by: 3, roundedTo: 2).description == "0.67")
        #expect(try DecimalNumber(-2).divided(by: 3, roundedTo: 2).description == "-0.67")
        #expect(try DecimalNumber(1).divided(by: 8, roundedTo: 2, rule: .halfUp).description == "0.13")
        #expect(try DecimalNumber(1).divided(by: 8, roundedTo: 2, rule: .halfEven).description == "0.12")
        // A remainder beyond the guard digit breaks a seeming tie upwards under banker's rounding.
        #expect(try d("1.0001").divided(by: 8, roundedTo: 2, rule: .halfEven).description == "0.13")
        #expect(try DecimalNumber(1).divided(by: d("0.0003"), roundedTo: 2).description == "3333.33")
        #expect(try d("-123456789012.345678").divided(by: 7, roundedTo: 4).description == "-17636684144.6208")
        #expect(throws: DecimalError.divisionByZero) { try DecimalNumber(1).divided(by: d("0.00"), roundedTo: 2) }
    }

    @Test func percentages() throws {
        #expect(try d("100.00").percentage(19, roundedTo: 2).description == "19.00")
        #expect(try d("52.47").percentage(d("19.00"), roundedTo: 2).description == "9.97")  // 9.9693
        #expect(try d("0.50").percentage(d("7.00"), roundedTo: 2).description == "0.04")  // 0.035 half up
    }

    @Test func equalityIsNumeric() {
        #expect(d("1.5") == d("1.50"))
        #expect(Set([d("1.5"), d("1.50"), d("1.500")]).count == 1)
        #expect(d("-0.01") < d("0"))
        #expect(d("-2") < d("-1.99"))
        #expect(d("0.10") > d("0.099"))
        #expect(d("9223372036854775807") > d("922337203685477580.6"))
        #expect(d("12.50").normalized.description == "12.5")
    }
}
