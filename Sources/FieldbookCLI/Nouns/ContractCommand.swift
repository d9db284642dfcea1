import ArgumentParser
import FieldbookClient
import FieldbookSync

/// `fieldbook contract …`: supply, maintenance and support contracts.
struct ContractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Supply, maintenance and support contracts: term, scope, renewal.",
        discussion: "Automatic renewal (--auto-renewal yes) needs --renewal-months.",
        subcommands: [Add.self, List.self, ShowRecord<ContractCommand>.self, Edit.self, DeleteRecord<ContractCommand>.self]
    )

    /// Options shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "Name (required).") var name: String?
        @Option(help: "Account ID (required).") var account: String?
        @Option(help: "Contact ID at the customer.") var contact: String?
        @Option(help: "supply, maintenance, support, service or other (required).") var kind: String?
        @Option(help: "Contract number.") var number: String?
        @Option(help: "What the contract covers.") var scope: String?
        @Option(help: "Start date (required).") var start: String?
        @Option(help: "End date.") var end: String?
        @Option(help: "Notice period in days.") var noticeDays: String?
        @Option(help: "Renews automatically: yes or no.") var autoRenewal: String?
        @Option(help: "Renewal term in months (required with automatic renewal).") var renewalMonths: String?
        @Option(help: "Days before the end to be reminded of renewal.") var reminderDays: String?
        @Option(help: "Annual value, e.g. 4800.00.") var annualValue: String?
        @Option(help: "draft, active (default), terminated or expired.") var status: String?
        @Option(help: "Owning rep (user ID).") var owner: String?
        @Option(help: "Set any other field: field=value (repeatable).") var set: [String] = []

        var values: [String: String] {
            get throws {
                var values = try RecordCommandSupport.assignments(set)
                let named: [(String, String?)] = [
                    ("name", name), ("account", account), ("contact", contact), ("kind", kind), ("number", number),
                    ("scope", scope), ("startDate", start), ("endDate", end), ("noticePeriodDays", noticeDays),
                    ("autoRenewal", autoRenewal), ("renewalTermMonths", renewalMonths),
                    ("renewalReminderDays", reminderDays), ("annualValue", annualValue), ("status", status),
                    ("owner", owner),
                ]
                for (field, value) in named { if let value { values[field] = value } }
                return values
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a contract (status active unless given).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: Fields
        @Option(help: "Assignee of the renewal reminder when neither contract nor account has an owner (user ID).")
        var user: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var values = try fields.values
            RecordCommandSupport.defaulting(&values, "status", to: "active")
            try ContractCommand.save(ClientDatabase.newRecordID(), values: values, user: user ?? global.signedInUser, support)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List contracts by account, status, kind, end date or text."
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only contracts whose text fields contain this (case and accents ignored).") var search: String?
        @Option(help: "Only contracts of this account (ID).") var account: String?
        @Option(help: "Only these statuses, comma-separated: draft, active, terminated, expired.") var status: String?
        @Option(help: "Only contracts of this kind.") var kind: String?
        @Option(help: "Only contracts ending on or before this date.") var endingBefore: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var filter = try ListFilter("contract", support: support)
            try filter.equals("account", account)
            try filter.equals("status", status)
            try filter.equals("kind", kind)
            try filter.onOrBefore("endDate", endingBefore)
            let contracts = filter.apply(try support.list("contract", search: search, sortField: "endDate"))
            support.showList(
                contracts, columns: ["name", "account", "kind", "status", "startDate", "endDate"], empty: "No contracts."
            )
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change fields of a contract.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Contract ID.") var id: String
        @OptionGroup var fields: Fields
        @Option(help: "Assignee of the renewal reminder when neither contract nor account has an owner (user ID).")
        var user: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("contract", id)
            try ContractCommand.save(id, values: try fields.values, user: user ?? global.signedInUser, support)
        }
    }

}

extension ContractCommand {
    /// Saves the contract and its renewal reminder task in one transaction,
    /// then shows the contract with a note on the reminder.
    static func save(_ id: String, values: [String: String], user: String?, _ support: RecordCommandSupport) throws {
        let saved = try support.context.database.saveContract(id, user: user) { builder in
            try support.apply(values, entity: "contract", to: &builder)
        }
        // JSON stays the contract record; the reminder's ID is ContractRenewal.taskID(forContract:).
        let json = support.presenter.json(saved.contract)
        let note: String
        if let reminder = saved.reminder, reminder.value("status") != "cancelled" {
            note = "Renewal reminder \(reminder.id) due \(reminder.value("dueDate")?.text ?? "?")."
        } else if ContractRenewal.dueDate(of: saved.contract) == nil {
            note = "No renewal reminder (no end date)."
        } else if saved.reminder == nil {
            note = "No renewal reminder: nobody to assign it to (set --owner or pass --user)."
        } else {
            note = "Renewal reminder cancelled."
        }
        support.context.emit(json, human: note + "\n" + support.presenter.details(saved.contract))
    }
}

extension ContractCommand: RecordNoun {
    static let entity = "contract"
    static let noun = "contract"
}
