import FieldbookModel
import FieldbookSync

extension Lead {
    /// Where a lead came from (`source`).
    public struct Source: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let tradeFair: Source = "trade_fair"
        public static let website: Source = "website"
        public static let coldCall: Source = "cold_call"
        public static let referral: Source = "referral"
        public static let campaign: Source = "campaign"
        public static let other: Source = "other"
        public static let allCases: [Source] = [.tradeFair, .website, .coldCall, .referral, .campaign, .other]
    }

    /// Lead workflow status (`status`); qualified is final.
    public struct Status: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let new: Status = "new"
        public static let inProgress: Status = "in_progress"
        public static let qualified: Status = "qualified"
        public static let disqualified: Status = "disqualified"
        public static let allCases: [Status] = [.new, .inProgress, .qualified, .disqualified]
    }
}
