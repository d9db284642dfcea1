import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation

extension OfferCommand {
    /// `fieldbook offer send ID [--valid-until DATE] [--follow-up-days N]`.
    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send an offer (draft or expired) and create its follow-up task.",
            discussion: """
                The follow-up task goes to the offer's owner (or --user), due --follow-up-days \
                before the validity ends (never before today); it shows in `fieldbook today`. \
                Its ID is derived from the offer's, so sending on two devices makes one task.
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Offer ID.") var id: String
        @Option(help: "Last valid day, e.g. 2026-12-31 or 'in 4 weeks'.") var validUntil: String?
        @Option(help: "Days before expiry the follow-up task is due.") var followUpDays = OfferFollowUp.defaultLeadDays
        @Option(help: "Assignee of the follow-up task when the offer has no owner (user ID).") var user: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("offer", id)
            var validity: CalendarDate?
            if let validUntil, let field = try support.context.database.schema("offer").field("validUntil") {
                validity = try support.input.value(validUntil, for: field).date
            }
            let sent = try OfferCommand.mapErrors {
                try support.context.database.sendOffer(
                    id, on: support.context.today, validUntil: validity, followUpDays: followUpDays, user: user
                )
            }
            let task = OfferFollowUp.taskID(forOffer: id)
            let due = try support.context.database.record(task)?.value("dueDate")?.text
            OfferView(context: support.context).show(
                sent, extra: ["followUpTaskDue": .optional(due)], note: "Sent; follow-up task \(task) due \(due ?? "?").\n"
            )
        }
    }

    /// `fieldbook offer accept ID`.
    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that the customer accepted a sent offer (final).",
            discussion: "An offer past its validity must be sent again first. The server assigns the final number."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Offer ID.") var id: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("offer", id)
            let accepted = try OfferCommand.mapErrors {
                try support.context.database.acceptOffer(id, on: support.context.today)
            }
            OfferView(context: support.context).show(accepted)
        }
    }

    /// `fieldbook offer reject ID --reason TEXT`.
    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that the customer rejected a sent offer (final); a reason is mandatory.",
            discussion: "The reason is kept as a note on the account (and opportunity)."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Offer ID.") var id: String
        @Option(help: "Why the customer rejected it (required).") var reason: String?
        @Option(help: "Who records it (user ID).") var user: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("offer", id)
            let rejected = try OfferCommand.mapErrors {
                try support.context.database.rejectOffer(id, reason: reason ?? "", user: user)
            }
            OfferView(context: support.context).show(rejected)
        }
    }

    /// `fieldbook offer expire ID`.
    struct Expire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store 'expired' for a sent offer.",
            discussion: """
                A sent offer past its validity shows as expired anyway (computed, no write); \
                this records it. An expired offer can be sent again with a new --valid-until.
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Offer ID.") var id: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("offer", id)
            OfferView(context: support.context).show(try OfferCommand.mapErrors { try support.context.database.expireOffer(id) })
        }
    }

    /// `fieldbook offer print ID [--output FILE]`.
    struct Print: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render an offer as a self-contained HTML document.",
            discussion: "Writes to standard output unless --output names a file."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Offer ID.") var id: String
        @Option(help: "Write the HTML to this file.") var output: String?
        @Option(help: "Letterhead text.") var company: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("offer", id)
            let html: String
            do {
                html = try support.context.database.offerDocument(id, companyHeader: company).html()
            } catch let error as FieldValueError {
                throw CLIError("offer \(id) cannot be printed: \(error)", exitCode: 4)
            }
            guard let output else {
                FileHandle.standardOutput.write(Data(html.utf8))
                return
            }
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CLIError("cannot write \(output): \(error.localizedDescription)", exitCode: 1)
            }
            support.context.emit(["output": .string(output)], human: "Wrote offer \(id) to \(output).")
        }
    }
}
