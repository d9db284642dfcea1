/// Text normalisation for matching imported values: case, accents, spaces,
/// underscores and punctuation folded, so "Closed Won", "closed_won" and
/// "CLOSED-WON" compare equal, and "Müller GmbH" matches "Mueller GmbH".
///
/// ```swift
/// TextFolding.key("  Bäckerei  Müller-Süd ")   // "baeckerei mueller sued"
/// TextFolding.token("Best Case")               // "best_case"
/// ```
public enum TextFolding {
    /// `text` without leading and trailing spaces, tabs and non-breaking spaces.
    public static func trimmed(_ text: String) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        guard let start = text.firstIndex(where: { !isBlank($0) }) else { return "" }
        let end = text.lastIndex(where: { !isBlank($0) })!
        return String(text[start...end])
    }

    /// A matching key for names: lowercase, accents transliterated (ä → ae,
    /// é → e, ß → ss), every run of punctuation and spaces one space.
    public static func key(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let folded = fold(scalar)
            for character in folded {
                if character.isLetter || character.isNumber {
                    if pendingSpace, !result.isEmpty { result.append(" ") }
                    pendingSpace = false
                    result.append(character)
                } else {
                    pendingSpace = true
                }
            }
        }
        return result
    }

    /// A matching key for enumeration values: ``key(_:)`` with spaces as `_`.
    public static func token(_ text: String) -> String {
        String(key(text).map { $0 == " " ? "_" : $0 })
    }

    /// The lowercase, accent-free spelling of one scalar.
    private static func fold(_ scalar: Unicode.Scalar) -> String {
        if let mapped = transliterations[scalar] { return mapped }
        return scalar.properties.lowercaseMapping
    }

    private static let transliterations: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        let groups: [(String, String)] = [
            ("äÄæÆ", "ae"), ("öÖøØœŒ", "oe"), ("üÜ", "ue"), ("ß", "ss"),
            ("àáâãåāăąÀÁÂÃÅĀĂĄ", "a"), ("çćčÇĆČ", "c"), ("ďđĎĐ", "d"), ("èéêëēėęěÈÉÊËĒĖĘĚ", "e"),
            ("ìíîïīįıÌÍÎÏĪĮİ", "i"), ("łľĺŁĽĹ", "l"), ("ñńňÑŃŇ", "n"), ("òóôõōőÒÓÔÕŌŐ", "o"),
            ("ŕřŔŘ", "r"), ("śšşŚŠŞ", "s"), ("ťţŤŢ", "t"), ("ùúûūůűųÙÚÛŪŮŰŲ", "u"), ("ýÿÝŸ", "y"),
            ("źżžŹŻŽ", "z"),
        ]
        for (letters, replacement) in groups {
            for scalar in letters.unicodeScalars { table[scalar] = replacement }
        }
        return table
    }()

    /// The edit distance between `a` and `b` in characters: insertions,
    /// deletions, substitutions and swaps of neighbours ("wno" → "won" is 1).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let left = Array(a), right = Array(b)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: right.count + 1), count: left.count + 1)
        for i in 0...left.count { table[i][0] = i }
        for j in 0...right.count { table[0][j] = j }
        for i in 1...left.count {
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[left.count][right.count]
    }
}
