import FieldbookModel
import FieldbookSync

extension Opportunity {
    /// Opportunity status (`status`); won is final, lost and cancelled may reopen.
    public struct Status: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let open: Status = "open"
        public static let won: Status = "won"
        public static let lost: Status = "lost"
        public static let cancelled: Status = "cancelled"
        public static let allCases: [Status] = [.open, .won, .lost, .cancelled]
    }

    /// Forecast category (`forecastCategory`).
    public struct ForecastCategory: EnumerationValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let pipeline: ForecastCategory = "pipeline"
        public static let bestCase: ForecastCategory = "best_case"
        public static let commit: ForecastCategory = "commit"
        public static let closed: ForecastCategory = "closed"
        public static let omitted: ForecastCategory = "omitted"
        public static let allCases: [ForecastCategory] = [.pipeline, .bestCase, .commit, .closed, .omitted]
    }
}
