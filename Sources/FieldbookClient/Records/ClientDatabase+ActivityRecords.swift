import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// Tasks matching `query` as typed activities, by due date (see
    /// ``tasks(_:today:)``).
    ///
    /// ```swift
    /// let mine = try database.all(Activity.self, matching: TaskQuery(due: .week, assignee: userID), today: today)
    /// ```
    public func all(_ type: Activity.Type, matching query: TaskQuery, today: CalendarDate) throws -> [Activity] {
        try read { db in try self.all(type, matching: query, today: today, in: db) }
    }

    /// ``all(_:matching:today:)`` inside an observation or transaction.
    public func all(_ type: Activity.Type, matching query: TaskQuery, today: CalendarDate, in db: Database) throws
        -> [Activity]
    {
        try tasks(query, today: today, in: db).map(Activity.decode)
    }

    /// Tasks matching `query`, observed: the worklist of a task screen.
    ///
    /// ```swift
    /// for try await tasks in database.observeAll(Activity.self, matching: TaskQuery(openOnly: true), today: today) {
    ///     render(tasks)
    /// }
    /// ```
    public func observeAll(_ type: Activity.Type, matching query: TaskQuery, today: CalendarDate)
        -> AsyncValueObservation<[Activity]>
    {
        observe { db in try self.all(type, matching: query, today: today, in: db) }
    }

    /// History activities (calls, visits, letters, e-mails, notes) as typed
    /// activities, newest first (see ``history(account:contact:kind:limit:)``).
    public func history(
        _ type: Activity.Type, account: String? = nil, contact: String? = nil, kind: Activity.Kind? = nil,
        limit: Int? = nil
    ) throws -> [Activity] {
        try history(account: account, contact: contact, kind: kind?.rawValue, limit: limit).map(Activity.decode)
    }
}
