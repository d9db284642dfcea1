import Foundation

/// Normalisations for matching a lead against existing accounts.
enum LeadMatching {
    /// Legal forms dropped when comparing company names.
    static let legalForms: Set<String> = [
        "gmbh", "ag", "kg", "ohg", "gbr", "ug", "co", "ek", "e.k.", "se", "mbh", "ltd", "inc", "llc", "sa", "sarl", "bv",
        "nv", "srl", "spa", "plc",
    ]

    /// Lowercased, accents folded, punctuation dropped, legal forms removed.
    static func normalizedName(_ name: String) -> String {
        words(of: name).filter { !legalForms.contains($0) }.joined(separator: " ")
    }

    /// The words of a name: lowercased, German umlauts spelled out (Müller =
    /// Mueller), other accents folded, punctuation dropped.
    static func words(of name: String) -> [String] {
        var spelled = name.lowercased()
        for (umlaut, spelling) in [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")] {
            spelled = spelled.replacingOccurrences(of: umlaut, with: spelling)
        }
        let folded = spelled.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return folded.split { !$0.isLetter && !$0.isNumber && $0 != "." }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            .filter { !$0.isEmpty }
    }

    /// The last nine digits of a phone number (country and trunk prefixes vary).
    static func phoneKey(_ phone: String) -> String {
        String(phone.filter(\.isNumber).suffix(9))
    }
}
