import ArgumentParser
import FieldbookClient
import FieldbookModel
import Foundation

/// `fieldbook mail …`: e-mail filing.
struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "File e-mail messages as activities on contacts and accounts.",
        subcommands: [File.self]
    )

    /// `fieldbook mail file MESSAGE.eml [--contact ID] [--dry-run]`.
    struct File: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log an e-mail (an .eml file, RFC 5322) as an email activity in one step.",
            discussion: """
                Sender and recipients (From, To, Cc) are matched to contacts by e-mail address. The message \
                becomes one email activity per account involved, linked to the first matching contact there: \
                inbound when a contact sent it, outbound otherwise. Subject, date, addresses and the text \
                (plain text preferred, HTML reduced to text) are kept. Filing the same message again finds \
                the activity it made (exit code 0, nothing new). No matching contact: exit code 3.
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The message file ('-' reads standard input).") var file: String
        @Option(help: "File on this contact (ID) even if no address matches.") var contact: String?
        @Flag(help: "Only show what would be filed.") var dryRun = false

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            let message: MailMessage
            do {
                message = try MailMessage(parsing: try InputFile.read(file))
            } catch let error as MailParseError {
                throw CLIError("\(file): \(error.description)", exitCode: 4)
            }
            let filing: MailFiling
            do {
                filing = try support.context.database.fileMail(message, options: .init(contact: contact, dryRun: dryRun))
            } catch let error as MailFilingError {
                throw CLIError(error.description, exitCode: 3)
            }
            support.context.emit(MailCommand.json(filing, message: message), human: MailCommand.summary(filing, message: message))
        }
    }

    static func json(_ filing: MailFiling, message: MailMessage) -> JSONValue {
        [
            "subject": .string(message.subject), "messageID": .optional(message.messageID),
            "date": .optional(message.date?.description), "direction": .string(filing.direction.rawValue),
            "dryRun": .bool(filing.dryRun),
            "activities": .array(
                filing.entries.map {
                    [
                        "activity": .string($0.activity), "account": .string($0.account), "contact": .string($0.contact),
                        "contacts": .array($0.contacts.map(JSONValue.string)), "created": .bool($0.created),
                    ]
                }
            ),
            "unmatched": .array(filing.unmatched.map { .string($0.address) }),
        ]
    }

    static func summary(_ filing: MailFiling, message: MailMessage) -> String {
        let verb = filing.dryRun ? "Would file" : "Filed"
        let rows = filing.entries.map { entry in
            [entry.activity, entry.account, entry.contact, entry.created ? (filing.dryRun ? "new" : "created") : "filed before"]
        }
        var text = "\(verb) \"\(message.subject)\" (\(filing.direction.rawValue)):\n"
            + TextTable(headers: ["ACTIVITY", "ACCOUNT", "CONTACT", "RESULT"], rows: rows).render()
        if !filing.unmatched.isEmpty {
            text += "\nNot a contact here: " + filing.unmatched.map(\.address).joined(separator: ", ")
        }
        return text
    }
}
