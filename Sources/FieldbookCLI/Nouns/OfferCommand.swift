import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

/// `fieldbook offer …`: quotes with ordered lines. Line nets, tax and totals
/// are computed exactly (to the cent) and stored with every change of lines
/// or tax rate; numbers are provisional until the server assigns the final one.
struct OfferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer",
        abstract: "Offers (quotes) with lines, tax and totals.",
        subcommands: [
            Add.self, List.self, Show.self, Edit.self, Send.self, Accept.self, Reject.self, Expire.self, Print.self,
            DeleteRecord<OfferCommand>.self, OfferLineCommand.self,
        ]
    )

    /// Options shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "Account ID.") var account: String?
        @Option(help: "Contact ID.") var contact: String?
        @Option(help: "Opportunity ID.") var opportunity: String?
        @Option(help: "Last valid day, e.g. 2026-12-31 or 'in 4 weeks'.") var validUntil: String?
        @Option(help: "Tax rate in percent (default for add: 19).") var taxRate: String?
        @Option(help: "Payment terms.") var paymentTerms: String?
        @Option(help: "Delivery terms.") var deliveryTerms: String?
        @Option(help: "Owning user ID.") var owner: String?
        @Option(help: "Notes.") var notes: String?
        @Option(help: "Set any other field: field=value (repeatable).") var set: [String] = []

        var values: [String: String] {
            get throws {
                var values = try RecordCommandSupport.assignments(set)
                let named: [(String, String?)] = [
                    ("account", account), ("contact", contact), ("opportunity", opportunity),
                    ("validUntil", validUntil), ("taxRate", taxRate), ("paymentTerms", paymentTerms),
                    ("deliveryTerms", deliveryTerms), ("owner", owner), ("notes", notes),
                ]
                for (field, value) in named { if let value { values[field] = value } }
                return values
            }
        }
    }

    /// Columns of offer lists.
    static func columns(_ tables: RecordTables) -> [RecordTables.Column] {
        [
            tables.id, ("NUMBER", { $0.value("finalNumber")?.text ?? $0.value("provisionalNumber")?.text ?? "" }),
            tables.field("offerDate", "DATE"),
            ("STATUS", { OfferStatusStep.effectiveStatus(of: $0, on: tables.context.today) }), tables.reference("account"),
            tables.field("grossTotal", "GROSS"), tables.field("validUntil", "VALID UNTIL"),
        ]
    }

    /// Runs `body`, turning offer errors into messages with exit codes.
    static func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as OfferError {
            switch error {
            case .lineNotFound: throw CLIError(error.description, exitCode: 3)
            case .listPriceUnknown: throw CLIError(error.description + "; pass --price", exitCode: 2)
            case .tooPrecise: throw CLIError(error.description, exitCode: 2)
            default: throw CLIError(error.description, exitCode: 4)
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start a draft offer (then add lines).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: Fields
        @Option(help: "Offer date (default: today).") var date: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var values = try fields.values
            if values["taxRate"] == nil { values["taxRate"] = "19" }
            var offerDate = support.context.today
            if let date {
                guard
                    let parsed = DateInput.parseDate(date, timeZone: support.context.timeZone, now: support.context.now)
                else { throw CLIError("--date: expected a date such as 2026-11-23 or today", exitCode: 2) }
                offerDate = parsed
            }
            let offer = try support.context.database.createOffer(offerDate: offerDate) { builder in
                try support.apply(values, entity: "offer", to: &builder)
            }
            OfferView(context: support.context).show(offer)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List offers, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this account's offers.") var account: String?
        @Option(help: "Only offers with this status: draft, sent, accepted, rejected, expired (incl. sent past validity).")
        var status: String?

        func run() async throws {
            let context = try CLIContext.open(global)
            // Expiry is computed: "expired" includes sent offers past their validity, "sent" excludes them.
            let wanted = status?.lowercased()
            let stored = wanted == "expired" ? nil : wanted
            let offers = try context.database.offers(account: account, status: stored).filter { offer in
                wanted.map { OfferStatusStep.effectiveStatus(of: offer, on: context.today) == $0 } ?? true
            }
            let tables = RecordTables(context: context)
            tables.show(offers, OfferCommand.columns(tables), empty: "No offers.")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an offer with its lines and totals.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Offer ID.") var id: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            OfferView(context: support.context).show(try support.require("offer", id))
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an offer's header or status.",
            discussion: """
                Status moves draft → sent → accepted/rejected/expired; sending needs --valid-until. \
                Prefer `offer send|accept|reject|expire`: they also create and close the follow-up task.
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Offer ID.") var id: String
        @OptionGroup var fields: Fields
        @Option(help: "draft, sent, accepted, rejected or expired.") var status: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("offer", id)
            var values = try fields.values
            if let status { values["status"] = status }
            let offer = try support.context.database.editOffer(id) { builder in
                try support.apply(values, entity: "offer", to: &builder)
            }
            OfferView(context: support.context).show(offer)
        }
    }

}

extension OfferCommand: RecordNoun {
    static let entity = "offer"
    static let noun = "offer"
}
