import ArgumentParser

/// `fieldbook task`: to-dos with an assignee and a due date. (Not built yet.)
struct TaskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "To-dos with an assignee and a due date."
    )
}
