import FieldbookClient

extension CLIError {
    /// The user-facing form of a refused service step: exit code 2 for bad
    /// input (an unknown measure, a bad setting), else 4 (refused by a rule).
    init(serviceError: ServiceError) {
        switch serviceError {
        case .unknownMeasure, .invalidSetting: self.init(serviceError.description, exitCode: 2)
        default: self.init(serviceError.description, exitCode: 4)
        }
    }

    /// Runs `body`, turning ``ServiceError``s into messages with exit codes.
    static func mappingServiceErrors<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ServiceError { throw CLIError(serviceError: error) }
    }
}

extension GlobalOptions {
    /// The signed-in user's ID from the credentials file, nil when not signed in.
    var signedInUser: String? {
        (try? Credentials.loadFile(from: CLIContext.dataDirectory(self)))??.user
    }
}
