/// How ``ClientDatabase/importContactCards(_:options:)`` places and writes cards.
public struct ContactCardImportOptions: Sendable {
    /// Put every new contact at this account (ID) instead of matching `ORG`.
    public var account: String?
    /// Create a prospect account for an `ORG` that matches none (ID derived from the name,
    /// so two devices importing the same card create one account).
    public var createAccounts: Bool
    /// Report what would happen without writing anything.
    public var dryRun: Bool

    /// Creates options; the defaults match `ORG` to existing accounts and write.
    public init(account: String? = nil, createAccounts: Bool = false, dryRun: Bool = false) {
        self.account = account
        self.createAccounts = createAccounts
        self.dryRun = dryRun
    }
}

/// What a vCard import did (or, in a dry run, would do), card by card.
public struct ContactCardImportReport: Sendable {
    /// The outcome for one card.
    public enum Outcome: Sendable, Hashable {
        /// A new contact.
        case created(contact: String)
        /// An existing contact (matched by UID, e-mail or name at the account) got new values.
        case updated(contact: String)
        /// An existing contact already had every value.
        case unchanged(contact: String)
        /// The card was skipped.
        case failed(ContactCardError)
    }

    /// One card's line in the report.
    public struct Entry: Sendable, Hashable {
        /// The card's position in the file, from 1.
        public var card: Int
        /// The name on the card (FN), for the user.
        public var name: String
        /// What happened.
        public var outcome: Outcome
        /// The account the contact belongs to, when one was found or created.
        public var account: String?
    }

    /// Every card, in file order.
    public var entries: [Entry] = []
    /// Accounts created for unmatched organisations (`createAccounts`).
    public var createdAccounts: [String] = []
    /// Whether nothing was written.
    public var dryRun: Bool

    /// Number of contacts created.
    public var created: Int { entries.count { if case .created = $0.outcome { true } else { false } } }
    /// Number of contacts updated.
    public var updated: Int { entries.count { if case .updated = $0.outcome { true } else { false } } }
    /// Number of cards that matched a contact with the same values.
    public var unchanged: Int { entries.count { if case .unchanged = $0.outcome { true } else { false } } }
    /// Number of cards skipped.
    public var failed: Int { entries.count { if case .failed = $0.outcome { true } else { false } } }
}
