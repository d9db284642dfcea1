/// Why one card of a vCard import was skipped.
public enum ContactCardError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The card has neither `N` nor `FN`.
    case noName
    /// No account was given and none matches the card's `ORG`.
    case noAccount(organization: String?)
    /// The contact the card's UID names is deleted on this device.
    case deletedContact(id: String)
    /// The contact could not be saved: the validation messages.
    case invalid(messages: [String])

    public var description: String {
        switch self {
        case .noName: "the card has no name (N or FN)"
        case .noAccount(let organization?):
            "no account named \"\(organization)\" on this device (pass --account ID or --create-accounts)"
        case .noAccount(nil): "the card has no organisation (ORG); pass --account ID"
        case .deletedContact(let id): "contact \(id) is deleted on this device; restore it first"
        case .invalid(let messages): "not saved: " + messages.joined(separator: "; ")
        }
    }
}
