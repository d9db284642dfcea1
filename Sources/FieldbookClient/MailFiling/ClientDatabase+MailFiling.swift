import FieldbookModel
import FieldbookSync
import Foundation

extension ClientDatabase {
    /// Role string for email activity IDs derived from a message. Never change it.
    static let mailFilingRole = "mail-filing/activity"
    /// The longest description an activity holds (the schema's limit).
    static let mailDescriptionLimit = 8000

    /// Logs a message as an email activity on the contacts and accounts its
    /// addresses belong to, in one transaction: one activity per account,
    /// linked to the first matched contact there.
    ///
    /// The direction is `inbound` when a contact sent it, else `outbound` (the
    /// rep wrote to contacts). The activity's ID is derived from the
    /// Message-ID (or the message's content) and the account, so filing the
    /// same message again — here or on another device — finds the activity
    /// instead of duplicating it.
    /// - Throws: ``MailFilingError/noMatchingContact(addresses:)`` when no
    ///   address matches and no contact is given; ``ClientError`` when the
    ///   given contact does not exist.
    public func fileMail(_ message: MailMessage, options: MailFilingOptions = .init()) throws -> MailFiling {
        let contacts = try all(Contact.self)
        var byAddress: [String: [Contact]] = [:]
        for contact in contacts {
            if let email = contact.email?.lowercased() { byAddress[email, default: []].append(contact) }
        }
        let senders = message.from.flatMap { byAddress[$0.normalized] ?? [] }
        let recipients = (message.to + message.cc).flatMap { byAddress[$0.normalized] ?? [] }
        var matched = senders + recipients
        if let forced = options.contact {
            guard let contact = try record(Contact.self, id: forced) else { throw ClientError.recordNotFound(id: forced) }
            matched.insert(contact, at: 0)
        }
        let everyone = message.from + message.to + message.cc
        guard !matched.isEmpty else { throw MailFilingError.noMatchingContact(addresses: everyone.map(\.address)) }
        let direction: Activity.Direction = senders.isEmpty ? .outbound : .inbound
        let unmatched = everyone.filter { byAddress[$0.normalized] == nil }

        var accounts: [String] = []
        var contactsByAccount: [String: [String]] = [:]
        for contact in matched where !(contactsByAccount[contact.account]?.contains(contact.id) ?? false) {
            if contactsByAccount[contact.account] == nil { accounts.append(contact.account) }
            contactsByAccount[contact.account, default: []].append(contact.id)
        }
        let source = message.messageID ?? Self.contentKey(message)
        let occurredAt = message.date ?? UTCDateTime(secondsSinceEpoch: Int64(clock.nowMillis() / 1000))!
        let description = Self.mailDescription(message)
        let plan = accounts.map { account in
            MailFiling.Entry(
                activity: DerivedID.make(from: source + "\u{0}" + account, role: Self.mailFilingRole),
                account: account, contact: contactsByAccount[account]![0], contacts: contactsByAccount[account]!,
                created: true
            )
        }
        let entries = try write { transaction -> [MailFiling.Entry] in
            var entries: [MailFiling.Entry] = []
            for var entry in plan {
                if try transaction.record(Activity.self, id: entry.activity, includingDeleted: true) != nil {
                    entry.created = false
                } else if !options.dryRun {
                    try transaction.save(
                        Activity(
                            id: entry.activity, kind: .email,
                            subject: String((message.subject.isEmpty ? "(no subject)" : message.subject).prefix(200)),
                            account: entry.account, description: description, contact: entry.contact,
                            direction: direction, occurredAt: occurredAt, status: .done
                        )
                    )
                }
                entries.append(entry)
            }
            return entries
        }
        return MailFiling(direction: direction, entries: entries, unmatched: unmatched, dryRun: options.dryRun)
    }

    /// "From: … / To: … / Cc: …", an empty line and the text, cut to the schema's limit.
    static func mailDescription(_ message: MailMessage) -> String {
        var lines = ["From: " + message.from.map(\.description).joined(separator: ", ")]
        if !message.to.isEmpty { lines.append("To: " + message.to.map(\.description).joined(separator: ", ")) }
        if !message.cc.isEmpty { lines.append("Cc: " + message.cc.map(\.description).joined(separator: ", ")) }
        let text = lines.joined(separator: "\n") + "\n\n" + message.text
        guard text.count > mailDescriptionLimit else { return text }
        return String(text.prefix(mailDescriptionLimit - 1)) + "…"
    }

    /// A stand-in for a missing Message-ID: sender, date, subject and text hashed.
    static func contentKey(_ message: MailMessage) -> String {
        let parts = [message.from.map(\.normalized).joined(separator: ","), message.date?.description ?? "",
                     message.subject, message.text]
        return DerivedID.make(from: parts.joined(separator: "\u{0}"), role: "mail-filing/content")
    }
}
