import Foundation

/// `Protocol/SYNC.md` as text, with helpers to pull tables and code blocks
/// out of it, so tests check the document itself rather than a copy.
enum SpecText {
    static let text: String = (try? String(contentsOf: ProtocolFiles.spec, encoding: .utf8)) ?? ""

    /// The rows of the first Markdown table after the first line containing `marker`,
    /// as trimmed cells, header and separator rows dropped.
    static func table(after marker: String) -> [[String]] {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.contains(marker) }) else { return [] }
        var rows: [[String]] = []
        var inTable = false
        for line in lines[(start + 1)...] {
            if line.hasPrefix("|") {
                inTable = true
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                rows.append(cells.map { $0.trimmingCharacters(in: .whitespaces) })
            } else if inTable {
                break
            }
        }
        return Array(rows.dropFirst(2))
    }

    /// The body of the first fenced block with `language` after the first line containing `marker`.
    static func codeBlock(_ language: String, after marker: String) -> String? {
        guard let markerRange = text.range(of: marker),
            let open = text.range(of: "```" + language + "\n", range: markerRange.upperBound..<text.endIndex),
            let close = text.range(of: "\n```", range: open.upperBound..<text.endIndex)
        else { return nil }
        return String(text[open.upperBound..<close.lowerBound])
    }

    /// Strips Markdown code ticks: "`i`" → "i"; "–" → nil (absent).
    static func literal(_ cell: String) -> String? {
        let trimmed = cell.trimmingCharacters(in: CharacterSet(charactersIn: "`"))
        return trimmed == "–" ? nil : trimmed
    }
}
