import Foundation
import FieldbookModel

extension Contact {
    /// The product identifier written into every exported card.
    static let vCardProductID = "-//Fieldbook//Fieldbook CRM//EN"

    /// The contact as a vCard 4.0 (RFC 6350) card; `accountName` becomes `ORG`.
    ///
    /// `UID` is `urn:uuid:<record ID>`, so re-importing the card finds this
    /// contact again; fields that are empty are left out.
    public func vCard(accountName: String?) -> VCard {
        var properties = [
            VCardProperty("PRODID", text: Self.vCardProductID),
            VCardProperty(name: "UID", rawValue: "urn:uuid:\(id)"),
            VCardProperty("FN", text: displayName),
            VCardProperty("N", components: [lastName, firstName ?? "", "", title ?? "", ""]),
        ]
        if let accountName { properties.append(VCardProperty("ORG", components: [accountName])) }
        if let function { properties.append(VCardProperty("TITLE", text: function)) }
        if let phone { properties.append(VCardProperty("TEL", text: phone, parameters: ["TYPE": ["work", "voice"]])) }
        if let mobile { properties.append(VCardProperty("TEL", text: mobile, parameters: ["TYPE": ["cell", "voice"]])) }
        if let email { properties.append(VCardProperty("EMAIL", text: email, parameters: ["TYPE": ["work"]])) }
        if street != nil || city != nil || postalCode != nil || country != nil {
            let components = ["", "", street ?? "", city ?? "", "", postalCode ?? "", country ?? ""]
            properties.append(VCardProperty("ADR", components: components, parameters: ["TYPE": ["work"]]))
        }
        if let birthday {
            let compact = String(birthday.description.filter { $0 != "-" })
            properties.append(VCardProperty(name: "BDAY", rawValue: compact))
        }
        if !interests.isEmpty {
            let joined = interests.sorted().map(VCardProperty.escape).joined(separator: ",")
            properties.append(VCardProperty(name: "CATEGORIES", rawValue: joined))
        }
        if let notes { properties.append(VCardProperty("NOTE", text: notes)) }
        return VCard(properties: properties)
    }

    /// "Dr. Anna Schmidt": title, first and last name.
    public var displayName: String {
        [title, firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Copies what `card` carries onto this contact; fields the card lacks stay as they are.
    mutating func apply(_ card: VCard) throws(ContactCardError) {
        let name = card.first("N")?.components ?? []
        if let last = name.first.map(Self.trimmed), !last.isEmpty {
            lastName = last
            if name.count > 1 { firstName = Self.nonEmpty(name[1]) ?? firstName }
            if name.count > 3 { title = Self.nonEmpty(name[3]) ?? title }
        } else if let formatted = card.first("FN").map({ Self.trimmed($0.text) }), !formatted.isEmpty {
            // No structured name: the last word of FN is the last name.
            var words = formatted.split(separator: " ").map(String.init)
            lastName = words.removeLast()
            if !words.isEmpty { firstName = words.joined(separator: " ") }
        } else {
            throw .noName
        }
        if let value = card.first("TITLE").map({ Self.trimmed($0.text) }), !value.isEmpty { function = value }
        for tel in card.all("TEL") {
            let number = Self.telephoneText(tel.text)
            guard !number.isEmpty else { continue }
            if tel.types.contains("cell") { mobile = number } else if phone == nil || tel.types.contains("work") { phone = number }
        }
        if let mail = Self.nonEmpty(card.first("EMAIL")?.text ?? "") { email = mail }
        if let address = card.all("ADR").first(where: { $0.types.contains("work") }) ?? card.first("ADR") {
            let parts = address.components + Array(repeating: "", count: 7)
            street = Self.nonEmpty(parts[2]) ?? street
            city = Self.nonEmpty(parts[3]) ?? city
            postalCode = Self.nonEmpty(parts[5]) ?? postalCode
            if let code = Self.countryCode(parts[6]) { country = code }
        }
        if let text = card.first("BDAY")?.text, let date = Self.birthday(text) { birthday = date }
        for categories in card.all("CATEGORIES") {
            for interest in categories.listValues {
                let trimmed = Self.trimmed(interest)
                if !trimmed.isEmpty { interests.insert(trimmed) }
            }
        }
        if let note = Self.nonEmpty(card.first("NOTE")?.text ?? "") { notes = note }
    }

    /// `tel:+49-89-123` → `+49-89-123`; other text as it is.
    static func telephoneText(_ value: String) -> String {
        let trimmed = Self.trimmed(value)
        return trimmed.lowercased().hasPrefix("tel:") ? String(trimmed.dropFirst(4)) : trimmed
    }

    /// `19700517`, `1970-05-17` or `1970-05-17T00:00:00Z`; partial dates (`--0517`) are ignored.
    static func birthday(_ value: String) -> CalendarDate? {
        let digits = value.prefix(10).filter(\.isNumber)
        guard digits.count == 8, let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
            let day = Int(digits.suffix(2))
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// A two-letter country code as typed, or a few common country names mapped to theirs.
    static func countryCode(_ value: String) -> String? {
        let trimmed = Self.trimmed(value)
        if trimmed.count == 2, trimmed.allSatisfy(\.isLetter) { return trimmed.uppercased() }
        let names = ["germany": "DE", "deutschland": "DE", "austria": "AT", "österreich": "AT", "switzerland": "CH",
                     "schweiz": "CH", "france": "FR", "italy": "IT", "netherlands": "NL", "united states": "US",
                     "united kingdom": "GB"]
        return names[trimmed.lowercased()]
    }

    static func trimmed(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func nonEmpty(_ value: String) -> String? {
        let trimmed = Self.trimmed(value)
        return trimmed.isEmpty ? nil : trimmed
    }
}
