/// What ``ClientDatabase/fileMail(_:options:)`` did with one message.
public struct MailFiling: Sendable, Hashable {
    /// One email activity: one per account whose contacts the message involves.
    public struct Entry: Sendable, Hashable {
        /// The activity (ID derived from the Message-ID and the account: filing twice finds it again).
        public var activity: String
        /// The account it is logged on.
        public var account: String
        /// The contact it is logged on (the first matched contact at that account).
        public var contact: String
        /// Every matched contact at that account, in header order.
        public var contacts: [String]
        /// Whether this filing created the activity (false: the message was filed before).
        public var created: Bool
    }

    /// `inbound` when a contact sent the message, else `outbound`.
    public var direction: Activity.Direction
    /// The activities, one per account.
    public var entries: [Entry]
    /// Addresses in From/To/Cc that match no contact on this device.
    public var unmatched: [MailAddress]
    /// Whether nothing was written.
    public var dryRun: Bool
}

/// Options for filing a message.
public struct MailFilingOptions: Sendable {
    /// File on this contact (ID) even when no address matches.
    public var contact: String?
    /// Report what would be filed without writing.
    public var dryRun: Bool

    /// Creates options.
    public init(contact: String? = nil, dryRun: Bool = false) {
        self.contact = contact
        self.dryRun = dryRun
    }
}

/// Why a message could not be filed.
public enum MailFilingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No address in From, To or Cc belongs to a contact on this device.
    case noMatchingContact(addresses: [String])

    public var description: String {
        switch self {
        case .noMatchingContact(let addresses) where addresses.isEmpty:
            "the message names no addresses; pass --contact ID"
        case .noMatchingContact(let addresses):
            "no contact on this device has any of the addresses " + addresses.joined(separator: ", ")
                + " (pass --contact ID, or add the address to the contact)"
        }
    }
}
