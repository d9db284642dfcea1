/// Options of the `metadata` benchmark (figure 6).
struct MetadataOptions: Equatable {
    /// Records in the rep's scope (groups of an account, two contacts, two calls).
    var records = 20_000
    /// Phone edits made and synced after the download.
    var edits = 4_000
    var json = false
}

/// Options of the `wire` benchmark (figure 7).
struct WireOptions: Equatable {
    /// Records created by device A.
    var records = 5_000
    /// One-field edits that follow.
    var edits = 5_000
    var json = false
}

extension BenchCommand {
    /// Parses the options of `metadata` and `wire`.
    static func parseSize(_ command: String, _ arguments: ArraySlice<String>) throws(BenchArgumentError) -> BenchCommand {
        var metadata = MetadataOptions()
        var wire = WireOptions()
        var rest = arguments
        while let argument = rest.popFirst() {
            switch argument {
            case "-h", "--help": return .help
            case "--json": (metadata.json, wire.json) = (true, true)
            case "--records": (metadata.records, wire.records) = try Self.pair(argument, rest.popFirst())
            case "--edits": (metadata.edits, wire.edits) = try Self.pair(argument, rest.popFirst())
            default: throw .unknownOption(argument)
            }
        }
        return command == "metadata" ? .metadata(metadata) : .wire(wire)
    }

    private static func pair(_ option: String, _ text: String?) throws(BenchArgumentError) -> (Int, Int) {
        guard let text, let value = Int(text), value > 0 else { throw .invalidValue(option) }
        return (value, value)
    }

    /// Usage lines of `metadata` and `wire`.
    static let sizeUsage = """

        size benchmarks (in-process fieldbook-server; figures 6 and 7):
               fieldbook-bench metadata [--records N] [--edits N] [--json]
               fieldbook-bench wire [--records N] [--edits N] [--json]

          metadata  a rep downloads N records (default 20000) into a file-backed ClientDatabase, edits and syncs
                    --edits phones (default 4000); dbstat splits the vacuumed file into projection, states and
                    bookkeeping; metadata = states + bookkeeping − bare values, per bare-value byte (target ≤ 1.0)
          wire      A pushes N creations (default 5000) and --edits one-field edits (default 5000); B pulls them
                    with gzip; compressed bytes per change vs gzip -6 of the bare values (target ≤ 1.3×)
        """
}
