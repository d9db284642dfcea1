import ArgumentParser
import FieldbookClient

/// `fieldbook account …`: organisations — customers, prospects, partners.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Customers, prospects and partners (organisations).",
        subcommands: [Add.self, List.self, Show.self, Edit.self, DeleteRecord<AccountCommand>.self]
    )

    /// Options shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "Company name.") var name: String?
        @Option(help: "Customer number.") var number: String?
        @Option(help: "Industry.") var industry: String?
        @Option(help: "Phone number.") var phone: String?
        @Option(help: "E-mail address.") var email: String?
        @Option(help: "Website.") var website: String?
        @Option(help: "Owning rep (user ID).") var owner: String?
        @Option(help: "Territory ID.") var territory: String?
        @Option(help: "active or inactive.") var status: String?
        @Option(help: "Add a role: customer, prospect, partner, competitor, supplier (repeatable).") var role: [String] = []
        @Option(help: "Add an interest (repeatable).") var interest: [String] = []
        @Option(help: "Set any other field: field=value (repeatable).") var set: [String] = []

        var values: [String: String] {
            get throws {
                var values = try RecordCommandSupport.assignments(set)
                let named: [(String, String?)] = [
                    ("name", name), ("number", number), ("industry", industry), ("phone", phone),
                    ("email", email), ("website", website), ("owner", owner), ("territory", territory),
                    ("status", status),
                ]
                for (field, value) in named { if let value { values[field] = value } }
                return values
            }
        }

        var elements: [String: [String]] { ["roles": role, "interests": interest].filter { !$0.value.isEmpty } }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            support.show(try support.create("account", values: try fields.values, adding: fields.elements))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts, optionally filtered.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only accounts whose text fields contain this (case and accents ignored).") var search: String?
        @Option(help: "Only accounts of this owner (user ID).") var owner: String?
        @Option(help: "Only accounts in this territory (ID).") var territory: String?
        @Option(help: "Only accounts of these ABC classes, e.g. A or A,B.") var abc: String?
        @Option(help: "Only active or inactive accounts.") var status: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var filter = try ListFilter("account", support: support)
            try filter.equals("owner", owner)
            try filter.equals("territory", territory)
            try filter.equals("abcClass", abc)
            try filter.equals("status", status)
            let accounts = filter.apply(try support.list("account", search: search, sortField: "name"))
            support.showList(
                accounts, columns: ["name", "number", "industry", "abcClass", "phone", "owner"], empty: "No accounts."
            )
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one account.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Account ID.") var id: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("account", id)
            let overview = try support.context.database.accountOverview(id: id, now: support.context.now)
            AccountCommand.showOverview(overview, context: support.context)
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change fields of an account.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Account ID.") var id: String
        @OptionGroup var fields: Fields
        @Option(help: "Remove a role (repeatable).") var removeRole: [String] = []
        @Option(help: "Remove an interest (repeatable).") var removeInterest: [String] = []

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            let removing = ["roles": removeRole, "interests": removeInterest].filter { !$0.value.isEmpty }
            support.show(
                try support.update("account", id: id, values: try fields.values, adding: fields.elements, removing: removing)
            )
        }
    }

}

extension AccountCommand: RecordNoun {
    static let entity = "account"
    static let noun = "account"
}
