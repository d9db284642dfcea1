import Testing

@testable import FieldbookModel

@Suite struct CSVTableTests {
    @Test func readsBOMSemicolonsCRLFAndQuotedDelimitersQuotesAndNewlines() throws {
        let text = "\u{FEFF}Name;Amount;Note\r\n\"Müller; Bau\";\"1.234,56\";\"He said \"\"yes\"\"\r\nand left\"\r\nPlain;7;\r\n"
        let table = try CSVTable(parsing: text)
        #expect(table.delimiter == ";")
        #expect(table.header == ["Name", "Amount", "Note"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0].fields == ["Müller; Bau", "1.234,56", "He said \"yes\"\nand left"])
        #expect(table.rows[0].line == 2)
        // The quoted line break moves the next row to physical line 4.
        #expect(table.rows[1].line == 4)
        #expect(table.rows[1].fields == ["Plain", "7", ""])
    }

    @Test func readsLFAndLoneCRAndSkipsBlankLines() throws {
        let lf = try CSVTable(parsing: "a,b\n1,2\n\n3,4")
        #expect(lf.delimiter == ",")
        #expect(lf.rows.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(lf.rows.map(\.line) == [2, 4])
        let cr = try CSVTable(parsing: "a,b\r1,2\r3,4\r")
        #expect(cr.rows.map(\.fields) == [["1", "2"], ["3", "4"]])
    }

    @Test func commaWinsWhenTheHeaderHasMoreCommasOutsideQuotes() throws {
        let table = try CSVTable(parsing: "\"a;b\",c,d\n1,2,3\n")
        #expect(table.delimiter == ",")
        #expect(table.header == ["a;b", "c", "d"])
    }

    @Test func reportsUnterminatedQuotesAndTooManyFieldsWithTheLine() {
        #expect(throws: CSVError.unterminatedQuote(line: 3)) { try CSVTable(parsing: "a,b\n1,2\n\"open,3\n4,5\n") }
        #expect(throws: CSVError.tooManyFields(line: 3, expected: 2, found: 3)) { try CSVTable(parsing: "a,b\n1,2\n1,2,3\n") }
        #expect(throws: CSVError.empty) { try CSVTable(parsing: "\u{FEFF}") }
    }

    @Test func writerQuotesOnlyWhatNeedsItAndRoundTrips() throws {
        var writer = CSVWriter()
        let rows = [["id", "name", "note"], ["a1", "Müller, \"Bau\"", "two\nlines"], ["a2", " padded ", "plain"]]
        for row in rows { writer.append(row) }
        #expect(writer.text.hasPrefix("id,name,note\r\na1,\"Müller, \"\"Bau\"\"\",\"two\nlines\"\r\n"))
        let table = try CSVTable(parsing: writer.text)
        #expect([table.header] + table.rows.map(\.fields) == rows)
    }
}
