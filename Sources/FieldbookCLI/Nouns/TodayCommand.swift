import ArgumentParser

/// `fieldbook today`: your Home worklist: appointments, due tasks, follow-ups, visits and renewals due. (Not built yet.)
struct TodayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Your Home worklist: appointments, due tasks, follow-ups, visits and renewals due."
    )
}
