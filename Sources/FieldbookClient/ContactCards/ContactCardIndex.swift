import FieldbookModel
import FieldbookSync
import Foundation

/// Lookups a vCard import matches cards against: contacts by ID, e-mail and
/// name at an account; accounts by normalised name. Kept up to date as cards
/// are imported, so two cards for one person in a file make one contact.
struct ContactCardIndex {
    private var contactsByID: [String: Contact] = [:]
    private var contactsByEmail: [String: String] = [:]
    private var contactsByName: [String: String] = [:]
    private var accountsByName: [String: String] = [:]

    init(database: ClientDatabase) throws {
        for account in try database.all(Account.self) { accountsByName[Self.normalized(account.name)] = account.id }
        for contact in try database.all(Contact.self) { add(contact, newAccount: nil) }
    }

    mutating func add(_ contact: Contact, newAccount: Account?) {
        if let newAccount { accountsByName[Self.normalized(newAccount.name)] = newAccount.id }
        contactsByID[contact.id] = contact
        if let email = contact.email { contactsByEmail[email.lowercased()] = contact.id }
        contactsByName[Self.nameKey(account: contact.account, first: contact.firstName, last: contact.lastName)] = contact.id
    }

    func account(named name: String) -> String? { accountsByName[Self.normalized(name)] }

    /// The contact a card describes: by UID (ours or derived from a foreign one), e-mail, or name at the ORG's account.
    func existing(uid: String?, card: VCard, in database: ClientDatabase) throws -> Contact? {
        let own = uid.flatMap { $0.lowercased().hasPrefix("urn:uuid:") ? String($0.dropFirst(9)).lowercased() : nil }
        let derived = DerivedID.make(from: uid ?? Self.contentKey(of: card), role: ClientDatabase.vCardContactRole)
        for id in [own, derived].compactMap({ $0 }) {
            if let contact = contactsByID[id] { return contact }
            if let deleted = try database.record(Contact.self, id: id, includingDeleted: true), deleted.metadata.isDeleted {
                throw ContactCardError.deletedContact(id: id)
            }
        }
        if let email = card.first("EMAIL")?.text.trimmingCharacters(in: .whitespaces).lowercased(),
            let id = contactsByEmail[email]
        {
            return contactsByID[id]
        }
        let name = card.first("N")?.components ?? []
        if let organization = card.first("ORG")?.components.first, let account = account(named: organization),
            let last = name.first, !last.isEmpty
        {
            let key = Self.nameKey(account: account, first: name.count > 1 ? name[1] : nil, last: last)
            if let id = contactsByName[key] { return contactsByID[id] }
        }
        return nil
    }

    /// An organisation name as lead matching compares it (legal form, case, accents, umlaut spellings ignored).
    static func normalized(_ name: String) -> String { LeadMatching.normalizedName(name) }

    /// A person's name without case, accents and punctuation.
    static func personKey(_ name: String) -> String { LeadMatching.words(of: name).joined(separator: " ") }

    /// Organisation, name and e-mail address, normalised: the identity of a card without UID.
    static func contentKey(of card: VCard) -> String {
        let parts = [
            normalized(card.first("ORG")?.components.first ?? ""),
            personKey(card.first("N")?.components.joined(separator: " ") ?? card.first("FN")?.text ?? ""),
            (card.first("EMAIL")?.text ?? "").trimmingCharacters(in: .whitespaces).lowercased(),
        ]
        return "card-content:" + parts.joined(separator: "\u{0}")
    }

    static func nameKey(account: String, first: String?, last: String) -> String {
        account + "\u{0}" + personKey(first ?? "") + "\u{0}" + personKey(last)
    }
}
