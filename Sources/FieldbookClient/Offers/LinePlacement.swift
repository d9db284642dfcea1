/// Where a line goes in an ordered list (offer lines).
public enum LinePlacement: Hashable, Sendable {
    /// After the last line.
    case end
    /// Before the first line.
    case start
    /// Just after the line with this item ID.
    case after(String)
}
