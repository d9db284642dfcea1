import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

/// `fieldbook task …`: to-dos (activities of kind `task`) with an assignee,
/// a due date and a status.
struct TaskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "To-dos with an assignee and a due date.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Done.self, Delete.self, Delegate.self]
    )

    /// Options shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "What to do.") var subject: String?
        @Option(help: "Details.") var description: String?
        @Option(help: "Account ID.") var account: String?
        @Option(help: "Contact ID.") var contact: String?
        @Option(help: "Opportunity ID.") var opportunity: String?
        @Option(help: "Ticket ID.") var ticket: String?
        @Option(help: "Campaign ID.") var campaign: String?
        @Option(help: "Due date, e.g. today, friday, 2026-11-30 (default for add: today).") var due: String?
        @Option(help: "User ID of the person who should do it.") var assignee: String?
        @Option(help: "open, in_progress, done or cancelled.") var status: String?
        @Option(help: "User ID of the person delegating it.") var delegatedBy: String?
        @Option(help: "Owning user ID.") var owner: String?
        @Option(help: "Set any other field: field=value (repeatable).") var set: [String] = []

        var values: [String: String] {
            get throws {
                var values = try RecordCommandSupport.assignments(set)
                let named: [(String, String?)] = [
                    ("subject", subject), ("description", description), ("account", account), ("contact", contact),
                    ("opportunity", opportunity), ("ticket", ticket), ("campaign", campaign), ("dueDate", due),
                    ("assignee", assignee), ("status", status), ("delegatedBy", delegatedBy), ("owner", owner),
                ]
                for (field, value) in named { if let value { values[field] = value } }
                values["kind"] = nil
                return values
            }
        }
    }

    /// The live task `id`, or not found (exit code 3) — also for history activities.
    static func require(_ id: String, _ support: RecordCommandSupport) throws -> RecordState {
        let record = try support.require("activity", id)
        guard record.value("kind") == .text("task") else { throw CLIError.notFound("task", id) }
        return record
    }

    /// Columns of task lists.
    static func columns(_ tables: RecordTables) -> [RecordTables.Column] {
        [
            tables.id, tables.field("dueDate", "DUE"), tables.field("status"), tables.field("subject"),
            tables.reference("account"), tables.reference("assignee"),
        ]
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a task.",
            discussion: """
                A task needs an account, a subject and an assignee. This device does not know \
                its user yet (no login), so pass --assignee <user ID>.
                """
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var values = try fields.values
            values["kind"] = "task"
            if values["dueDate"] == nil { values["dueDate"] = support.context.today.description }
            if values["status"] == nil { values["status"] = "open" }
            guard let assignee = values["assignee"], !assignee.isEmpty else {
                throw CLIError(
                    "task not saved: assignee is required; pass --assignee <user ID> (this device does not know its user yet)",
                    exitCode: 4
                )
            }
            support.show(try support.create("activity", values: values))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tasks by due date.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "today, overdue (open and due before today) or week (due today and the 6 days after).")
        var due: String?
        @Option(help: "Only tasks assigned to this user ID.") var assignee: String?
        @Option(help: "Only tasks on this account.") var account: String?
        @Flag(help: "Only open tasks (open or in progress).") var open = false

        func run() async throws {
            let context = try CLIContext.open(global)
            var window: TaskQuery.Due?
            if let due {
                guard let parsed = TaskQuery.Due(rawValue: due.lowercased()) else {
                    throw CLIError("--due: expected today, overdue or week", exitCode: 2)
                }
                window = parsed
            }
            let query = TaskQuery(due: window, assignee: assignee, openOnly: open, account: account)
            let tasks = try context.database.tasks(query, today: context.today)
            let tables = RecordTables(context: context)
            tables.show(tasks, TaskCommand.columns(tables), empty: "No tasks.")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one task.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Task ID.") var id: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            support.show(try TaskCommand.require(id, support))
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change fields of a task.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Task ID.") var id: String
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try TaskCommand.require(id, support)
            var values = try fields.values
            if values["status"].map({ "done".hasPrefix($0.lowercased()) && !$0.isEmpty }) == true,
                values["completedAt"] == nil
            {
                values["completedAt"] = support.context.now.description
            }
            support.show(try support.update("activity", id: id, values: values))
        }
    }

    struct Done: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Complete a task (status done, completion time now).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Task ID.") var id: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try TaskCommand.require(id, support)
            support.show(try support.context.database.completeTask(id, at: support.context.now))
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a task.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Task ID.") var id: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try TaskCommand.require(id, support)
            try support.delete("activity", id)
        }
    }
}
