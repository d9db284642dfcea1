import FieldbookSync
import Foundation

/// Who a campaign reaches: contacts whose account (or the contact itself)
/// matches every criterion given. Within one criterion any value matches
/// (industries "Metal, Plastics" = either); an empty criterion matches all.
/// Text comparisons ignore case and surrounding spaces.
///
/// Contacts that opted out of the campaign's channel are never included
/// (see ``CampaignOptOut``).
///
/// Stored in the campaign's `targetCriteria` field as JSON
/// (``encoded``/``init(decoding:)``), so every device selects the same group.
public struct CampaignTargetCriteria: Hashable, Sendable, Codable {
    /// Account industries.
    public var industries: [String]
    /// ABC classes of the account: A, B or C.
    public var abcClasses: [String]
    /// Territories of the account: territory ID, name or code.
    public var territories: [String]
    /// Interests of the contact or its account.
    public var interests: [String]

    /// The ABC classes there are.
    public static let classes = ["A", "B", "C"]

    /// Criteria; ABC classes are checked (``MarketingError/invalidCriterion(_:)``).
    public init(industries: [String] = [], abcClasses: [String] = [], territories: [String] = [], interests: [String] = [])
        throws
    {
        self.industries = Self.cleaned(industries)
        self.abcClasses = Self.cleaned(abcClasses).map { $0.uppercased() }
        self.territories = Self.cleaned(territories)
        self.interests = Self.cleaned(interests)
        if let wrong = self.abcClasses.first(where: { !Self.classes.contains($0) }) {
            throw MarketingError.invalidCriterion("ABC class \(wrong) is not one of A, B, C")
        }
    }

    /// Whether no criterion is given (everyone not opted out is a target).
    public var isEmpty: Bool { industries.isEmpty && abcClasses.isEmpty && territories.isEmpty && interests.isEmpty }

    /// The JSON form stored in `campaign.targetCriteria`.
    public var encoded: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }

    /// Criteria read back from `campaign.targetCriteria`.
    /// - Throws: ``MarketingError/invalidCriterion(_:)`` for text that is not stored criteria.
    public init(decoding text: String) throws {
        guard let decoded = try? JSONDecoder().decode(Self.self, from: Data(text.utf8)) else {
            throw MarketingError.invalidCriterion(
                "the campaign's target criteria are not in the stored form; give criteria (--industry, --abc, --territory, --interest)"
            )
        }
        try self.init(
            industries: decoded.industries, abcClasses: decoded.abcClasses, territories: decoded.territories,
            interests: decoded.interests
        )
    }

    /// Whether `contact` at `account` matches; `territoryNames` maps a
    /// territory ID to its lowercased name and code.
    func matches(contact: RecordState, account: RecordState?, territoryNames: [String: Set<String>]) -> Bool {
        if !industries.isEmpty {
            guard let industry = account?.value("industry")?.text.map(Self.key), industries.map(Self.key).contains(industry)
            else { return false }
        }
        if !abcClasses.isEmpty {
            guard let abc = account?.value("abcClass")?.text, abcClasses.contains(abc) else { return false }
        }
        if !territories.isEmpty {
            guard let territory = account?.value("territory")?.text else { return false }
            let names = territoryNames[territory, default: []].union([Self.key(territory)])
            guard territories.contains(where: { names.contains(Self.key($0)) }) else { return false }
        }
        if !interests.isEmpty {
            let held = Set((contact.elements(of: "interests") + (account?.elements(of: "interests") ?? [])).map(Self.key))
            guard interests.contains(where: { held.contains(Self.key($0)) }) else { return false }
        }
        return true
    }

    /// The comparison form of a value: trimmed, lowercased.
    static func key(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces).lowercased() }

    private static func cleaned(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
