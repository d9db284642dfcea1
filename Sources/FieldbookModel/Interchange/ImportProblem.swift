/// What is wrong with one cell or row of an import.
public struct ImportProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The explanation.
    public let message: String
    /// A problem explained by `message`.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
