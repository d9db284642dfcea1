import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

/// `fieldbook conflicts …`: see and settle concurrent edits.
struct ConflictsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "Concurrent edits that disagree: see both sides, keep one or write a new value.",
        discussion: """
            A conflict appears when two devices changed the same field before seeing each other's \
            change, or when a record was deleted on one device while edited on another. The value \
            shown meanwhile is the later one; nothing is lost until you resolve.
            """,
        subcommands: [List.self, Show.self, Resolve.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every open conflict with all its sides.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            let presenter = ConflictPresenter(support: support)
            let conflicts = try support.context.database.conflicts()
            support.context.emit(
                .array(conflicts.map(presenter.json)),
                human: conflicts.isEmpty ? "No conflicts." : presenter.table(conflicts)
            )
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one conflict.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Conflict ID, e.g. 3f2a…#name (from `conflicts list`).") var id: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            let presenter = ConflictPresenter(support: support)
            let conflict = try ConflictsCommand.require(id, in: support)
            support.context.emit(presenter.json(conflict), human: presenter.details(conflict))
        }
    }

    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resolve a conflict: keep one side, write a new value, or restore / keep deleted.",
            discussion: "Give exactly one of the options. The resolution syncs like any edit."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Conflict ID (from `conflicts list`).") var id: String
        @Option(
            help: ArgumentHelp(
                "Keep the side written by this dot ('current': the value shown; 'mine': this device's).",
                valueName: "dot"
            )
        ) var keep: String?
        @Option(help: ArgumentHelp("Write this value instead.", valueName: "text")) var value: String?
        @Flag(help: "Restore the deleted record with the concurrent edits.") var restore = false
        @Flag(help: "Keep the record deleted, dropping the concurrent edits.") var keepDeleted = false

        func run() async throws {
            let given = [keep != nil, value != nil, restore, keepDeleted].filter { $0 }.count
            guard given == 1 else {
                throw CLIError("give exactly one of --keep, --value, --restore, --keep-deleted", exitCode: 2)
            }
            let support = RecordCommandSupport(context: try .open(global))
            let conflict = try ConflictsCommand.require(id, in: support)
            let choice = try choice(for: conflict, support: support)
            let record: RecordState
            do {
                record = try support.context.database.resolveConflict(id: conflict.id, choice: choice)
            } catch let error as ConflictResolutionError {
                throw ConflictsCommand.cliError(error)
            }
            support.context.emit(
                ["resolved": .string(conflict.id), "record": support.presenter.json(record)],
                human: "Resolved \(conflict.id)."
            )
        }

        private func choice(for conflict: Conflict, support: RecordCommandSupport) throws -> ConflictChoice {
            if restore { return .restore }
            if keepDeleted { return .keepDeleted }
            if let keep {
                if keep == "current" { return .keep(conflict.winner.dot) }
                if keep == "mine" {
                    let device = support.context.database.replicaID
                    let mine = ([conflict.winner] + conflict.others.map(\.entry)).filter { $0.dot.replica == device }
                    guard mine.count == 1 else {
                        throw CLIError("conflict \(conflict.id) has \(mine.count) sides from this device; give a dot", exitCode: 2)
                    }
                    return .keep(mine[0].dot)
                }
                guard let dot = Dot(parsing: keep) else {
                    throw CLIError("--keep expects a dot such as office:12 (see `conflicts show`)", exitCode: 2)
                }
                return .keep(dot)
            }
            guard let value, conflict.kind == .field, conflict.slot != .deleted,
                let field = try support.context.database.schema(conflict.entity).field(conflict.slot.field)
            else {
                throw CLIError("conflict \(conflict.id) takes --restore or --keep-deleted, not a value", exitCode: 2)
            }
            let target = conflict.slot.member.flatMap { field.member($0) } ?? field
            return .value(try support.input.value(value, for: target))
        }
    }

    /// The open conflict `id`, or a not-found error (exit code 3).
    static func require(_ id: String, in support: RecordCommandSupport) throws -> Conflict {
        guard let conflict = try support.context.database.conflict(id: id) else {
            throw CLIError("no open conflict \(id) (see `fieldbook conflicts list`)", exitCode: 3)
        }
        return conflict
    }

    /// The user-facing form of a resolution error.
    static func cliError(_ error: ConflictResolutionError) -> CLIError {
        switch error {
        case .notFound: CLIError(error.description, exitCode: 3)
        case .unknownSide, .choiceDoesNotApply: CLIError(error.description, exitCode: 2)
        }
    }
}
