import ArgumentParser

/// `fieldbook appointment`: appointments with collision detection. (Not built yet.)
struct AppointmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appointment",
        abstract: "Appointments with collision detection."
    )
}
