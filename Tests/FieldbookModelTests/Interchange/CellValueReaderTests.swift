import FieldbookSync
import Testing

@testable import FieldbookModel

@Suite struct CellValueReaderTests {
    @Test func readsGermanAndISONumbers() throws {
        let auto = CellValueReader(numbers: .auto)
        #expect(try auto.value("1.234,56", kind: .amount).value == .text("1234.56"))
        #expect(try auto.value("1,234.56", kind: .amount).value == .text("1234.56"))
        #expect(try auto.value("12,5", kind: .amount).value == .text("12.50"))
        #expect(try auto.value("980", kind: .amount).value == .text("980.00"))
        #expect(try auto.value("1 500,00 €", kind: .amount).value == .text("1500.00"))
        let german = CellValueReader(numbers: .de)
        #expect(try german.value("1.234", kind: .amount).value == .text("1234.00"))
        #expect(try german.value("7.000,5", kind: .amount).value == .text("7000.50"))
        #expect(throws: ImportProblem.self) { try german.value("zwölf", kind: .amount) }
        #expect(throws: ImportProblem.self) { try auto.value("1.999", kind: .decimal(scale: 2, range: nil)) }
    }

    @Test func readsDatesAndTimesInBothForms() throws {
        let reader = CellValueReader()
        #expect(try reader.value("23.11.2026", kind: .date).value == .text("2026-11-23"))
        #expect(try reader.value("1.9.2026", kind: .date).value == .text("2026-09-01"))
        #expect(try reader.value("2026-11-23", kind: .date).value == .text("2026-11-23"))
        #expect(throws: ImportProblem.self) { try reader.value("31.02.2026", kind: .date) }
        #expect(try reader.value("23.11.2026 10:30", kind: .dateTime).value == .text("2026-11-23T10:30:00Z"))
        #expect(try reader.value("2026-11-23T10:30:00Z", kind: .dateTime).value == .text("2026-11-23T10:30:00Z"))
    }

    @Test func foldsEnumerationsAndMatchesSmallTyposWithAWarning() throws {
        let kind = FieldKind.enumeration(["open", "won", "lost", "best_case"])
        let reader = CellValueReader()
        #expect(try reader.value("Best Case", kind: kind) == .init(value: .text("best_case")))
        #expect(try reader.value("BEST-CASE", kind: kind).value == .text("best_case"))
        let typo = try reader.value("wno", kind: kind)
        #expect(typo.value == .text("won"))
        #expect(typo.warning != nil)
        #expect(try reader.value("gewonnen", kind: kind, values: ["Gewonnen": "won"]).value == .text("won"))
        #expect(throws: ImportProblem.self) { try reader.value("maybe", kind: kind) }
    }

    @Test func readsBooleansInEnglishAndGerman() throws {
        let reader = CellValueReader()
        for yes in ["ja", "Yes", "TRUE", "x", "1"] { #expect(try reader.value(yes, kind: .bool).value == .bool(true)) }
        for no in ["nein", "No", "false", "0"] { #expect(try reader.value(no, kind: .bool).value == .bool(false)) }
    }

    @Test func foldsNamesForMatching() {
        #expect(TextFolding.key("  Bäckerei  Müller-Süd ") == "baeckerei mueller sued")
        #expect(ReferenceIndex.compact("Hydraulik-Pumpe HP 200") == ReferenceIndex.compact("hydraulikpumpe hp200"))
        #expect(TextFolding.editDistance("wno", "won") == 1)
        #expect(TextFolding.editDistance("prospekt", "prospect") == 1)
    }
}
