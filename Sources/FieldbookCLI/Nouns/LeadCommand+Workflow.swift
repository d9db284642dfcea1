import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

extension LeadCommand {
    /// `fieldbook lead qualify ID`.
    struct Qualify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a lead qualified (ready to convert).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Lead ID.") var id: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("lead", id)
            support.show(try support.context.database.qualifyLead(id))
        }
    }

    /// `fieldbook lead disqualify ID --reason TEXT`.
    struct Disqualify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disqualify a lead; a reason is mandatory.",
            discussion: "A disqualified lead can be reopened with `lead edit ID --status in_progress`."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Lead ID.") var id: String
        @Option(help: "Why the lead is disqualified (required).") var reason: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("lead", id)
            support.show(try support.context.database.disqualifyLead(id, reason: reason ?? ""))
        }
    }

    /// `fieldbook lead suggest ID`: existing accounts the lead may belong to.
    struct Suggest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Existing accounts matching a lead by name, e-mail or phone (pick one for `convert --account`)."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Lead ID.") var id: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("lead", id)
            let suggestions = try support.context.database.accountSuggestions(forLead: id)
            support.context.emit(
                .array(suggestions.map(LeadCommand.json)),
                human: suggestions.isEmpty ? "No matching accounts." : LeadCommand.table(suggestions)
            )
        }
    }

    /// `fieldbook lead convert ID [--account ID | --new-account]`.
    struct Convert: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a lead into an account, a contact and an opportunity in one step.",
            discussion: """
                The new records get IDs derived from the lead's ID, so converting the same lead \
                on two devices offline yields one account, one contact and one opportunity after sync. \
                When existing accounts match the lead (see `lead suggest`), pick one with --account ID \
                or create a new one with --new-account. The lead becomes qualified and links to what \
                it became; converting it again is refused (exit code 4).
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Lead ID.") var id: String
        @Option(help: "Link this existing account instead of creating one.") var account: String?
        @Flag(help: "Create a new account even when existing accounts match.") var newAccount = false
        @Option(help: "Opportunity name (default: the company or person).") var name: String?
        @Option(help: "Expected amount, e.g. 25000.00.") var amount: String?
        @Option(help: "Expected close date.") var expectedClose: String?
        @Option(help: "Owner of the new records (default: the lead's owner).") var owner: String?

        func run() async throws {
            if account != nil && newAccount { throw CLIError("--account and --new-account exclude each other", exitCode: 2) }
            let support = RecordCommandSupport(context: try .open(global))
            let database = support.context.database
            let lead = try support.require("lead", id)
            // Suggestions only matter for a lead that can convert; otherwise the refusal says why.
            let convertible = lead.value("convertedOpportunity") == nil && lead.value("status") != "disqualified"
            if account == nil, !newAccount, convertible {
                let suggestions = try database.accountSuggestions(forLead: id)
                if !suggestions.isEmpty {
                    throw CLIError(
                        "existing accounts match this lead; pass --account ID to link one or --new-account:\n"
                            + LeadCommand.table(suggestions),
                        exitCode: 1
                    )
                }
            }
            let schema = try database.schema("opportunity")
            var options = LeadConversionOptions(existingAccount: account, opportunityName: name, owner: owner)
            if let amount, let field = schema.field("amount") {
                options.amount = try support.input.value(amount, for: field).decimal
            }
            if let expectedClose, let field = schema.field("expectedCloseDate") {
                options.expectedCloseDate = try support.input.value(expectedClose, for: field).date
            }
            let result = try database.convertLead(id, options: options)
            let presenter = support.presenter
            let json: JSONValue = [
                "lead": presenter.json(result.lead), "account": presenter.json(result.account),
                "contact": result.contact.map(presenter.json) ?? .null,
                "opportunity": presenter.json(result.opportunity), "createdAccount": .bool(result.createdAccount),
            ]
            support.context.emit(json, human: LeadCommand.summary(result))
        }
    }

    static func json(_ suggestion: AccountSuggestion) -> JSONValue {
        [
            "account": .string(suggestion.account), "name": .string(suggestion.name),
            "reasons": .array(suggestion.reasons.map { .string($0.rawValue) }),
        ]
    }

    static func table(_ suggestions: [AccountSuggestion]) -> String {
        TextTable(
            headers: ["ACCOUNT", "NAME", "MATCHES"],
            rows: suggestions.map { [$0.account, $0.name, $0.reasons.map(\.rawValue).joined(separator: ", ")] }
        ).render()
    }

    static func summary(_ result: LeadConversionResult) -> String {
        let name: (RecordState) -> String = { $0.value("name")?.text ?? $0.value("lastName")?.text ?? "" }
        var rows = [["account", result.account.id, name(result.account) + (result.createdAccount ? " (new)" : " (existing)")]]
        if let contact = result.contact { rows.append(["contact", contact.id, name(contact)]) }
        rows.append(["opportunity", result.opportunity.id, name(result.opportunity)])
        return "Converted lead \(result.lead.id):\n" + TextTable(headers: ["RECORD", "ID", "NAME"], rows: rows).render()
    }
}
