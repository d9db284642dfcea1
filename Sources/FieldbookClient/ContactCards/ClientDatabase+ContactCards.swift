import FieldbookModel
import FieldbookSync
import Foundation

extension ClientDatabase {
    /// Role string for contact IDs derived from a foreign card's UID. Never change it.
    static let vCardContactRole = "vcard-import/contact"
    /// Role string for account IDs derived from an organisation name. Never change it.
    static let vCardAccountRole = "vcard-import/account"

    /// The contacts as one vCard 4.0 file (RFC 6350), ordered by last and first name.
    /// - Parameter account: only the contacts of this account (ID).
    public func exportContactCards(account: String? = nil) throws -> String {
        let contacts = try account.map { try all(Contact.self, where: "account", equals: $0) } ?? all(Contact.self)
        var accountNames: [String: String] = [:]
        for account in try all(Account.self) { accountNames[account.id] = account.name }
        return contacts.map { $0.vCard(accountName: accountNames[$0.account]).serialized() }.joined()
    }

    /// Imports vCards (2.1, 3.0 or 4.0) as contacts, each card in its own transaction.
    ///
    /// A card updates the contact its `UID` names (a Fieldbook export, or a
    /// foreign card imported before), else the contact with its e-mail address,
    /// else the contact with its first and last name at the account; otherwise
    /// it creates one. Re-importing a file therefore changes nothing. Cards
    /// that cannot be placed or saved are reported and skipped; the rest are
    /// imported.
    /// - Throws: ``VCardError`` when the text is not vCard at all.
    public func importContactCards(_ text: String, options: ContactCardImportOptions = .init()) throws
        -> ContactCardImportReport
    {
        let cards = try VCard.parse(text)
        var index = try ContactCardIndex(database: self)
        var report = ContactCardImportReport(dryRun: options.dryRun)
        if let account = options.account, try record(Account.self, id: account) == nil {
            throw ClientError.recordNotFound(id: account)
        }
        for (position, card) in cards.enumerated() {
            let name = card.first("FN")?.text ?? card.first("N")?.components.first ?? ""
            var entry = ContactCardImportReport.Entry(card: position + 1, name: name, outcome: .failed(.noName))
            do {
                let (contact, outcome, newAccount) = try place(card, index: index, options: options)
                entry.account = contact.account
                if !options.dryRun, case .unchanged = outcome {} else if !options.dryRun {
                    try write { transaction in
                        if let newAccount { try transaction.save(newAccount) }
                        try transaction.save(contact)
                    }
                }
                if let newAccount { report.createdAccounts.append(newAccount.id) }
                index.add(contact, newAccount: newAccount)
                entry.outcome = outcome
            } catch let error as ContactCardError {
                entry.outcome = .failed(error)
            } catch ClientError.validationFailed(_, _, let issues) {
                entry.outcome = .failed(.invalid(messages: issues.filter { $0.severity == .error }.map(\.message)))
            }
            report.entries.append(entry)
        }
        return report
    }

    /// The contact a card becomes, what that means, and the account to create first (if any).
    private func place(_ card: VCard, index: ContactCardIndex, options: ContactCardImportOptions) throws
        -> (Contact, ContactCardImportReport.Outcome, Account?)
    {
        let uid = card.first("UID")?.text.trimmingCharacters(in: .whitespaces)
        if let existing = try index.existing(uid: uid, card: card, in: self) {
            var contact = existing
            try contact.apply(card)
            return (contact, contact == existing ? .unchanged(contact: contact.id) : .updated(contact: contact.id), nil)
        }
        let organization = card.first("ORG")?.components.first.map { $0.trimmingCharacters(in: .whitespaces) }
        var newAccount: Account?
        let accountID: String
        if let account = options.account {
            accountID = account
        } else if let organization, !organization.isEmpty, let matched = index.account(named: organization) {
            accountID = matched
        } else if options.createAccounts, let organization, !organization.isEmpty {
            let account = Account(
                id: DerivedID.make(from: ContactCardIndex.normalized(organization), role: Self.vCardAccountRole),
                name: organization, roles: [.prospect]
            )
            newAccount = account
            accountID = account.id
        } else {
            throw ContactCardError.noAccount(organization: organization.flatMap { $0.isEmpty ? nil : $0 })
        }
        // A card without UID is identified by what it says, so every device importing it makes the same contact.
        let key = uid ?? ContactCardIndex.contentKey(of: card)
        let id = DerivedID.make(from: key, role: Self.vCardContactRole)
        var contact = Contact(id: id, account: accountID, lastName: "")
        try contact.apply(card)
        return (contact, .created(contact: id), newAccount)
    }
}
