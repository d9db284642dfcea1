import FieldbookSync

/// Varies the free-text fields of ``SeedRecords`` for the wire benchmark.
///
/// The seed records repeat the same notes and call descriptions in every
/// group, which gzip shrinks about 16:1 — far below what real CRM text
/// compresses to. Here names, notes, descriptions and subjects are drawn
/// from a vocabulary with a seeded generator, so both the wire and the
/// baseline compress like ordinary German prose (about 3–4:1).
struct VariedText {
    private var random: BenchRandom

    /// A generator starting at `seed`.
    init(seed: UInt64) { random = BenchRandom(seed: seed) }

    private static let words = """
        Angebot Anfrage Ansprechpartner Auftrag Ausschreibung Besuch Bestellung Budget Einkauf Ersatzteile Freigabe \
        Geschäftsleitung Lieferzeit Liefertermin Montage Muster Nachfrage Preise Projekt Rabatt Rahmenvertrag Reklamation \
        Rückruf Schulung Service Termin Vertrag Wartung Werk Zeichnung Zulassung Maschine Anlage Steuerung Pumpe Ventil \
        Lager Spindel Getriebe Sensor Kabel Gehäuse Dichtung Wartungsvertrag Vorführung Messe Kunde Lieferant Entscheidung \
        besprochen vereinbart zugesagt abgelehnt verschoben geprüft angefragt bestätigt erhalten gesendet erwartet \
        nächste Woche im Frühjahr bis Monatsende nach Rücksprache mit Technik Einkauf Qualität Logistik Vertrieb \
        dringend wichtig optional neu alt günstiger teurer schneller später früher zusätzlich gesamt einzeln \
        für mit ohne nach vor bei zum zur vom über unter wegen trotz seit und oder aber noch nicht bereits auch nur
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    private static let companyParts = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schäfer",
        "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun",
    ]
    private static let companyKinds = [
        "Maschinenbau GmbH", "Antriebstechnik AG", "Metallbau KG", "Elektro GmbH & Co. KG", "Fördertechnik GmbH",
        "Kunststofftechnik GmbH", "Anlagenbau AG", "Werkzeugbau e.K.",
    ]

    /// `count` words of the vocabulary, capitalised, ending with a full stop.
    mutating func sentence(_ count: Int) -> String {
        let words = (0..<count).map { _ in random.pick(Self.words) }
        return words.joined(separator: " ") + "."
    }

    /// The record's fields with free text replaced by varied text of similar length.
    mutating func vary(_ fields: [(String, Value)]) -> [(String, Value)] {
        fields.map { field, value in
            switch field {
            case "name":
                return (field, .text("\(random.pick(Self.companyParts)) & \(random.pick(Self.companyParts)) \(random.pick(Self.companyKinds))"))
            case "notes", "description": return (field, .text(sentence(14 + random.int(below: 12))))
            case "subject": return (field, .text(sentence(3 + random.int(below: 4))))
            case "phone", "mobile": return (field, .text("+49 \(100 + random.int(below: 900)) \(1_000_000 + random.int(below: 8_999_999))"))
            default: return (field, value)
            }
        }
    }

    /// A new value for an edit of `field`.
    mutating func edit(_ field: String) -> Value {
        field == "subject" ? .text(sentence(3 + random.int(below: 4))) : .text("+49 \(100 + random.int(below: 900)) \(1_000_000 + random.int(below: 8_999_999))")
    }
}
