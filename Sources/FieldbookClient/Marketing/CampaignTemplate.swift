import FieldbookModel
import FieldbookSync
import Foundation

/// A campaign template (an item of the campaign's `templates` list) and its
/// placeholders: `{{contact.firstName}}`, `{{account.name}}`,
/// `{{campaign.name}}` — any field of the contact, its account or the
/// campaign. A placeholder naming no such field is an error
/// (``MarketingError/unknownPlaceholders(template:placeholders:)``) before
/// anything is sent; a known field without a value renders empty.
public struct CampaignTemplate: Hashable, Sendable {
    /// The template's list item ID.
    public var id: String
    /// letter, email or call_script.
    public var kind: String
    /// The template's name.
    public var name: String
    /// Subject line (may contain placeholders).
    public var subject: String
    /// Body (may contain placeholders).
    public var body: String

    /// The entities placeholders may name, and the schema they are checked against.
    static let namespaces = ["contact", "account", "campaign"]

    /// The templates of `campaign`, in list order.
    public static func all(of campaign: RecordState) -> [CampaignTemplate] {
        campaign.items(of: "templates").map { item in
            CampaignTemplate(
                id: item.id, kind: item.members["kind"]?.text ?? "", name: item.members["name"]?.text ?? "",
                subject: item.members["subject"]?.text ?? "", body: item.members["body"]?.text ?? ""
            )
        }
    }

    /// The template named `name` (case ignored), else the first whose kind
    /// suits the campaign's channel, else the first; nil when there is none.
    public static func choose(_ name: String?, of campaign: RecordState) throws -> CampaignTemplate? {
        let templates = all(of: campaign)
        if let name {
            guard let named = templates.first(where: { CampaignTargetCriteria.key($0.name) == CampaignTargetCriteria.key(name) })
            else { throw MarketingError.templateNotFound(campaign: campaign.id, name: name) }
            return named
        }
        let kind = ["letter": "letter", "email": "email", "call": "call_script"][campaign.value("channel")?.text ?? ""]
        return templates.first { $0.kind == kind } ?? templates.first
    }

    /// The placeholders of `text` in order of appearance (inner text, trimmed).
    static func placeholders(in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            found.append(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// The placeholders of subject and body that name no field of `registry`.
    public func unknownPlaceholders(in registry: SchemaRegistry) -> [String] {
        var unknown: [String] = []
        for placeholder in Self.placeholders(in: subject) + Self.placeholders(in: body) {
            let parts = placeholder.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let known =
                parts.count == 2 && Self.namespaces.contains(parts[0])
                && registry.entity(parts[0])?.field(parts[1]) != nil
            if !known, !unknown.contains(placeholder) { unknown.append(placeholder) }
        }
        return unknown
    }

    /// Subject and body with every placeholder replaced by the value of
    /// `records[namespace]` (sets joined with ", ").
    /// - Throws: ``MarketingError/unknownPlaceholders(template:placeholders:)``.
    public func render(_ records: [String: RecordState], registry: SchemaRegistry) throws -> (subject: String, body: String) {
        let unknown = unknownPlaceholders(in: registry)
        guard unknown.isEmpty else { throw MarketingError.unknownPlaceholders(template: name, placeholders: unknown) }
        return (Self.fill(subject, records), Self.fill(body, records))
    }

    private static func fill(_ text: String, _ records: [String: RecordState]) -> String {
        var result = ""
        var rest = text[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            result += rest[..<open.lowerBound]
            let placeholder = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            let parts = placeholder.split(separator: ".").map(String.init)
            if parts.count == 2, let record = records[parts[0]] {
                result += display(record, parts[1])
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    private static func display(_ record: RecordState, _ field: String) -> String {
        switch record.value(field) {
        case .text(let text)?: return text
        case .int(let number)?: return String(number)
        case .bool(let flag)?: return flag ? "yes" : "no"
        case .null?, nil: return record.elements(of: field).joined(separator: ", ")
        }
    }
}
