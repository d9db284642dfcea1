import Foundation

/// Plain text from an HTML mail body: tags removed, line breaks kept, common entities decoded.
enum HTMLText {
    static func strip(_ html: String) -> String {
        var text = ""
        var inTag = false
        var tag = ""
        var skipping = false
        for character in html {
            if inTag {
                if character == ">" {
                    inTag = false
                    let name = tag.lowercased().split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "\n" }).first ?? ""
                    if name == "style" || name == "script" { skipping = true }
                    if tag.lowercased().hasPrefix("/style") || tag.lowercased().hasPrefix("/script") { skipping = false }
                    if ["br", "p", "/p", "div", "/div", "tr", "li"].contains(name) { text += "\n" }
                } else {
                    tag.append(character)
                }
            } else if character == "<" {
                inTag = true
                tag = ""
            } else if !skipping {
                text.append(character)
            }
        }
        let entities = ["&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'",
                        "&auml;": "ä", "&ouml;": "ö", "&uuml;": "ü", "&Auml;": "Ä", "&Ouml;": "Ö", "&Uuml;": "Ü",
                        "&szlig;": "ß", "&euro;": "€"]
        for (entity, replacement) in entities { text = text.replacingOccurrences(of: entity, with: replacement) }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmingWhitespace }
            .joined(separator: "\n")
            .replacingOccurrences(of: "\n\n\n", with: "\n\n")
            .trimmingWhitespace
    }
}
