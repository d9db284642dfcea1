import Foundation

/// Options of `fieldbook-bench push-scale-out`.
struct ScaleOutOptions: Equatable {
    /// The PostgreSQL database (a fresh schema per configuration is made in it and dropped).
    var database: String?
    var clients = 20
    var batch = 50
    var seconds = 10
    var json = false

    static let usage = """
               fieldbook-bench push-scale-out [--database URL] [--clients N] [--batch N] [--seconds N] [--json]

          push-scale-out   push throughput of --clients (default 20) devices pushing batches of --batch
                           (default 50) new accounts over HTTP for --seconds (default 10) each against:
                           one server on SQLite, one on PostgreSQL, two on one PostgreSQL database
                           (clients split between them); --database defaults to $FIELDBOOK_DATABASE_URL,
                           then $FIELDBOOK_TEST_POSTGRES_URL
        """

    /// Parses the arguments after `push-scale-out`.
    static func parse(_ arguments: ArraySlice<String>) throws(BenchArgumentError) -> ScaleOutOptions {
        var options = ScaleOutOptions()
        var rest = arguments
        func positive(_ option: String, _ text: String?) throws(BenchArgumentError) -> Int {
            guard let text, let value = Int(text), value > 0 else { throw .invalidValue(option) }
            return value
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--json": options.json = true
            case "--database":
                guard let url = rest.popFirst() else { throw .invalidValue(argument) }
                options.database = url
            case "--clients": options.clients = try positive(argument, rest.popFirst())
            case "--batch": options.batch = try positive(argument, rest.popFirst())
            case "--seconds": options.seconds = try positive(argument, rest.popFirst())
            default: throw .unknownOption(argument)
            }
        }
        let environment = ProcessInfo.processInfo.environment
        options.database = options.database ?? environment["FIELDBOOK_DATABASE_URL"] ?? environment["FIELDBOOK_TEST_POSTGRES_URL"]
        return options
    }
}
