import ArgumentParser
import FieldbookClient
import FieldbookModel
import Foundation

extension ContactCommand {
    /// `fieldbook contact export --vcf [--account ID] [--output FILE]`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export contacts as vCard 4.0 (for phones, mail programs and address books).",
            discussion: """
                Each card carries UID urn:uuid:<contact ID>, so importing it again (here or on another \
                device) updates the same contact instead of creating a duplicate. Without --output the \
                cards go to standard output.
                """
        )
        @OptionGroup var global: GlobalOptions
        @Flag(help: "vCard 4.0 output (the only format; the flag documents intent).") var vcf = false
        @Option(help: "Only the contacts of this account (ID).") var account: String?
        @Option(help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            if let account { _ = try support.require("account", account) }
            let text = try support.context.database.exportContactCards(account: account)
            let count = text.components(separatedBy: "BEGIN:VCARD").count - 1
            guard let output else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CLIError("cannot write \(output): \(error.localizedDescription)")
            }
            support.context.emit(
                ["contacts": .int(Int64(count)), "file": .string(output)],
                human: "Wrote \(count) contact\(count == 1 ? "" : "s") to \(output)."
            )
        }
    }

    /// `fieldbook contact import FILE.vcf [--account ID | --create-accounts] [--dry-run]`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import contacts from a vCard file (versions 2.1, 3.0 and 4.0).",
            discussion: """
                A card updates the contact its UID names, else the contact with the same e-mail address, \
                else the one with the same name at the account; otherwise it becomes a new contact at the \
                account named by its ORG (or --account). Importing the same file twice changes nothing. \
                Cards that cannot be placed are listed with the reason and skipped (exit code 4); the rest \
                are imported.
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The .vcf file ('-' reads standard input).") var file: String
        @Option(help: "Put new contacts at this account (ID) instead of matching ORG.") var account: String?
        @Flag(help: "Create a prospect account for an ORG no account matches.") var createAccounts = false
        @Flag(help: "Only report what would be created or updated.") var dryRun = false

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            let text = try InputFile.readText(file)
            let options = ContactCardImportOptions(account: account, createAccounts: createAccounts, dryRun: dryRun)
            let report: ContactCardImportReport
            do {
                report = try support.context.database.importContactCards(text, options: options)
            } catch let error as VCardError {
                throw CLIError("\(file): \(error.description)", exitCode: 4)
            }
            support.context.emit(ContactCommand.json(report), human: ContactCommand.summary(report))
            if report.failed > 0 { throw ExitCode(4) }
        }
    }

    static func json(_ report: ContactCardImportReport) -> JSONValue {
        let cards: [JSONValue] = report.entries.map { entry in
            var object: [String: JSONValue] = [
                "card": .int(Int64(entry.card)), "name": .string(entry.name), "account": .optional(entry.account),
            ]
            switch entry.outcome {
            case .created(let id): object["result"] = "created"; object["contact"] = .string(id)
            case .updated(let id): object["result"] = "updated"; object["contact"] = .string(id)
            case .unchanged(let id): object["result"] = "unchanged"; object["contact"] = .string(id)
            case .failed(let error): object["result"] = "failed"; object["error"] = .string(error.description)
            }
            return .object(object)
        }
        return [
            "dryRun": .bool(report.dryRun), "created": .int(Int64(report.created)),
            "updated": .int(Int64(report.updated)), "unchanged": .int(Int64(report.unchanged)),
            "failed": .int(Int64(report.failed)), "createdAccounts": .array(report.createdAccounts.map(JSONValue.string)),
            "cards": .array(cards),
        ]
    }

    static func summary(_ report: ContactCardImportReport) -> String {
        let verb = report.dryRun ? "Would import" : "Imported"
        var text = "\(verb): \(report.created) created, \(report.updated) updated, \(report.unchanged) unchanged, "
            + "\(report.failed) failed"
        if !report.createdAccounts.isEmpty { text += "; \(report.createdAccounts.count) new accounts" }
        let failures = report.entries.compactMap { entry -> [String]? in
            guard case .failed(let error) = entry.outcome else { return nil }
            return [String(entry.card), entry.name, error.description]
        }
        if !failures.isEmpty { text += "\n" + TextTable(headers: ["CARD", "NAME", "PROBLEM"], rows: failures).render() }
        return text
    }
}
