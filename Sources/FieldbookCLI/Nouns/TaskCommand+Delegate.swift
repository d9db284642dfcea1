import ArgumentParser
import FieldbookClient

extension TaskCommand {
    /// `fieldbook task delegate ID --to USER [--by USER]`.
    struct Delegate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hand an open task to another user, keeping who delegated it and when.",
            discussion: """
                delegatedBy is --by, else the signed-in user, else the previous assignee; \
                delegatedAt is now. `task show` shows both; after sync the task is in the \
                delegatee's `fieldbook today --user USER`.
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Task ID.") var id: String
        @Option(help: "The user to hand it to (user ID).") var to: String
        @Option(help: "Who delegates it (user ID; default: the signed-in user).") var by: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try TaskCommand.require(id, support)
            let delegated = try CLIError.mappingServiceErrors {
                try support.context.database.delegateTask(
                    id, to: to, by: by ?? global.signedInUser, at: support.context.now
                )
            }
            support.show(delegated)
        }
    }
}
