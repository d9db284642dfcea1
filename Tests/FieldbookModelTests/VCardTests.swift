import FieldbookModel
import Foundation
import Testing

@Suite("vCard reading and writing (RFC 6350)")
struct VCardTests {
    @Test func foldedLinesParametersGroupsAndEscapesAreRead() throws {
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:M\\;ller;Anna;;Dr.;\r\nFN:Dr. Anna M;ller\r\n"
            + "item1.EMAIL;TYPE=INTERNET;TYPE=WORK,pref:anna@example.com\r\n"
            + "NOTE:line one\\nline two\\, with comma and \\\\ backslash that is fol\r\n ded here\r\n"
            + "X-LABEL;LABEL=\"Main: office; 2nd floor\":value\r\nEND:VCARD\r\n"
        let cards = try VCard.parse(text)
        #expect(cards.count == 1)
        let card = try #require(cards.first)
        #expect(card.version == "3.0")
        #expect(card.first("n")?.components == ["M;ller", "Anna", "", "Dr.", ""])
        let email = try #require(card.first("EMAIL"))
        #expect(email.group == "item1")
        #expect(email.types == ["internet", "work", "pref"])
        #expect(email.text == "anna@example.com")
        #expect(card.first("NOTE")?.text == "line one\nline two, with comma and \\ backslash that is folded here")
        #expect(card.first("X-LABEL")?.parameters["LABEL"] == ["Main: office; 2nd floor"])
    }

    @Test func writtenCardsFoldAt75OctetsWithoutSplittingCharactersAndReadBackEqual() throws {
        let note = String(repeating: "Größenänderung, Maße; Überprüfung\n", count: 12)
        let card = VCard(properties: [
            VCardProperty("FN", text: "Jürgen Weiß"),
            VCardProperty("N", components: ["Weiß", "Jürgen", "", "", ""]),
            VCardProperty("NOTE", text: note),
            VCardProperty("EMAIL", text: "j@example.com", parameters: ["TYPE": ["work", "pref"]]),
        ])
        let text = card.serialized()
        #expect(text.hasPrefix("BEGIN:VCARD\r\nVERSION:4.0\r\n"))
        #expect(text.hasSuffix("END:VCARD\r\n"))
        let physicalLines = text.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
        #expect(physicalLines.count > 8)
        for line in physicalLines {
            #expect(line.utf8.count <= 75, "line of \(line.utf8.count) octets: \(line)")
            #expect(!line.contains("\n") && !line.contains("\r"))
        }
        let read = try #require(try VCard.parse(text).first)
        #expect(read.version == "4.0")
        #expect(read.first("NOTE")?.text == note)
        #expect(read.first("N")?.components == ["Weiß", "Jürgen", "", "", ""])
        #expect(read.first("EMAIL")?.types == ["work", "pref"])
    }

    @Test func severalCardsLFLineEndsAndABOMAreAccepted() throws {
        let text = "\u{FEFF}BEGIN:VCARD\nVERSION:4.0\nFN:A\nEND:VCARD\n\nBEGIN:VCARD\nVERSION:4.0\nFN:B\nEND:VCARD\n"
        #expect(try VCard.parse(text).map { $0.first("FN")?.text } == ["A", "B"])
    }

    @Test func vCard21BareTypesAndQuotedPrintableSoftBreaksAreJoined() throws {
        let text = "BEGIN:VCARD\r\nVERSION:2.1\r\nTEL;WORK;VOICE:089 1\r\n"
            + "NOTE;ENCODING=QUOTED-PRINTABLE:first=\r\nsecond\r\nEND:VCARD\r\n"
        let card = try #require(try VCard.parse(text).first)
        #expect(card.first("TEL")?.types == ["work", "voice"])
        #expect(card.first("NOTE")?.rawValue == "firstsecond")
    }

    @Test func malformedInputNamesTheLine() {
        #expect(throws: VCardError.unterminatedCard(startLine: 1)) {
            try VCard.parse("BEGIN:VCARD\r\nFN:A\r\n")
        }
        #expect(throws: VCardError.malformedLine(line: 3, text: "no colon here")) {
            try VCard.parse("BEGIN:VCARD\r\nFN:A\r\nno colon here\r\nEND:VCARD\r\n")
        }
        #expect(throws: VCardError.outsideCard(line: 1)) { try VCard.parse("FN:A\r\n") }
        #expect(throws: VCardError.unterminatedCard(startLine: 1)) {
            try VCard.parse("BEGIN:VCARD\r\nBEGIN:VCARD\r\nEND:VCARD\r\n")
        }
    }

    @Test func escapingRoundTripsEveryAwkwardCharacter() {
        for text in ["a,b;c\\d", "line\r\nbreak", "trailing\\", "", "ünïcödé 🚀, ok"] {
            let unescaped = VCardProperty.unescape(VCardProperty.escape(text))
            #expect(unescaped == text.replacingOccurrences(of: "\r\n", with: "\n"))
        }
    }
}
