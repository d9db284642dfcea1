import ArgumentParser

/// Options every `fieldbook` command takes.
public struct GlobalOptions: ParsableArguments {
    /// The data directory.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Data directory holding this device's replica.",
            discussion: "Defaults to $FIELDBOOK_HOME, else ~/.fieldbook.", valueName: "dir"
        )
    )
    public var home: String?

    /// Machine-readable output.
    @Flag(name: .long, help: "Print JSON with stable field names instead of tables.")
    public var json = false

    public init() {}
}
