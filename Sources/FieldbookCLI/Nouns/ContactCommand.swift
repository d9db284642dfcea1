import ArgumentParser
import FieldbookClient

/// `fieldbook contact …`: people at accounts.
struct ContactCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "People at accounts: buying center roles, phones, opt-outs.",
        subcommands: [
            Add.self, List.self, ShowRecord<ContactCommand>.self, Edit.self, DeleteRecord<ContactCommand>.self, Export.self,
            Import.self,
        ]
    )

    /// Options shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "Account ID (required).") var account: String?
        @Option(help: "mr, ms or mx.") var salutation: String?
        @Option(help: "Academic title, e.g. Dr.") var title: String?
        @Option(help: "First name.") var firstName: String?
        @Option(help: "Last name (required).") var lastName: String?
        @Option(help: "Function or job title.") var function: String?
        @Option(help: "Buying center role: decision_maker, user, purchaser, influencer.") var buyingRole: String?
        @Option(help: "Phone number.") var phone: String?
        @Option(help: "Mobile number.") var mobile: String?
        @Option(help: "E-mail address.") var email: String?
        @Option(help: "Street and number.") var street: String?
        @Option(help: "Postal code.") var postalCode: String?
        @Option(help: "City.") var city: String?
        @Option(help: "Country code, e.g. DE.") var country: String?
        @Option(help: "Birthday, e.g. 1970-05-17.") var birthday: String?
        @Option(help: "Owning rep (user ID).") var owner: String?
        @Option(help: "No letters: yes or no.") var noMail: String?
        @Option(help: "No calls: yes or no.") var noCall: String?
        @Option(help: "No e-mails: yes or no.") var noEmail: String?
        @Option(help: "Notes.") var notes: String?
        @Option(help: "Add an interest (repeatable).") var interest: [String] = []
        @Option(help: "Set any other field: field=value (repeatable).") var set: [String] = []

        var values: [String: String] {
            get throws {
                var values = try RecordCommandSupport.assignments(set)
                let named: [(String, String?)] = [
                    ("account", account), ("salutation", salutation), ("title", title), ("firstName", firstName),
                    ("lastName", lastName), ("function", function), ("buyingRole", buyingRole), ("phone", phone),
                    ("mobile", mobile), ("email", email), ("street", street), ("postalCode", postalCode),
                    ("city", city), ("country", country), ("birthday", birthday), ("owner", owner),
                    ("noMail", noMail), ("noCall", noCall), ("noEmail", noEmail), ("notes", notes),
                ]
                for (field, value) in named { if let value { values[field] = value } }
                return values
            }
        }

        var elements: [String: [String]] { ["interests": interest].filter { !$0.value.isEmpty } }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a contact at an account.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            support.show(try support.create("contact", values: try fields.values, adding: fields.elements))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List contacts, optionally by account or text.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only contacts whose text fields contain this (case and accents ignored).") var search: String?
        @Option(help: "Only contacts of this account (ID).") var account: String?
        @Option(help: "Only contacts with this buying center role.") var buyingRole: String?
        @Option(help: "Only contacts owned by this user (ID).") var owner: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var filter = try ListFilter("contact", support: support)
            try filter.equals("account", account)
            try filter.equals("buyingRole", buyingRole)
            try filter.equals("owner", owner)
            let contacts = filter.apply(try support.list("contact", search: search, sortField: "lastName"))
            support.showList(
                contacts, columns: ["lastName", "firstName", "account", "function", "phone", "email"], empty: "No contacts."
            )
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change fields of a contact.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Contact ID.") var id: String
        @OptionGroup var fields: Fields
        @Option(help: "Remove an interest (repeatable).") var removeInterest: [String] = []

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            let removing = ["interests": removeInterest].filter { !$0.value.isEmpty }
            support.show(
                try support.update("contact", id: id, values: try fields.values, adding: fields.elements, removing: removing)
            )
        }
    }

}

extension ContactCommand: RecordNoun {
    static let entity = "contact"
    static let noun = "contact"
}
