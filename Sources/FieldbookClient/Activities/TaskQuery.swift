import FieldbookModel

/// Which tasks (activities of kind `task`) to fetch.
///
/// ```swift
/// let mine = try database.tasks(TaskQuery(due: .overdue, assignee: userID), today: today)
/// ```
public struct TaskQuery: Hashable, Sendable {
    /// A due-date window relative to today.
    public enum Due: String, Hashable, Sendable, CaseIterable {
        /// Due today.
        case today
        /// Due before today and still open.
        case overdue
        /// Due today or in the six days after (the coming week).
        case week
    }

    /// The due-date window; nil for any due date.
    public var due: Due?
    /// Only tasks assigned to this user ID.
    public var assignee: String?
    /// Only open tasks (status `open` or `in_progress`).
    public var openOnly: Bool
    /// Only tasks on this account.
    public var account: String?

    /// Creates a query; the defaults match every task.
    public init(due: Due? = nil, assignee: String? = nil, openOnly: Bool = false, account: String? = nil) {
        self.due = due
        self.assignee = assignee
        self.openOnly = openOnly
        self.account = account
    }

    /// Task statuses that count as open: still to be done by someone.
    public static let openStatuses = ["open", "in_progress"]

    /// Activity kinds that are history (done), as opposed to `task`.
    public static let historyKinds = ["call", "visit", "letter", "email", "note"]

    /// The SQL condition and arguments over `e_activity` for this query on `today`.
    func condition(today: CalendarDate) -> (sql: String, arguments: [String]) {
        var terms = ["kind = 'task'"]
        var arguments: [String] = []
        if openOnly || due == .overdue { terms.append(Self.openCondition) }
        switch due {
        case .today?:
            terms.append("\"dueDate\" = ?")
            arguments.append(today.description)
        case .overdue?:
            terms.append("\"dueDate\" < ?")
            arguments.append(today.description)
        case .week?:
            terms.append("\"dueDate\" BETWEEN ? AND ?")
            arguments += [today.description, today.adding(days: 6).description]
        case nil:
            break
        }
        if let assignee {
            terms.append("assignee = ?")
            arguments.append(assignee)
        }
        if let account {
            terms.append("account = ?")
            arguments.append(account)
        }
        return (terms.joined(separator: " AND "), arguments)
    }

    /// The open-status condition, written exactly as in the partial index
    /// `e_activity_open_tasks` so SQLite can use it.
    static let openCondition = "status IN ('open', 'in_progress')"
}
