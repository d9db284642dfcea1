import ArgumentParser
import FieldbookClient

/// `fieldbook product …`: the product catalogue. Reference data from the
/// ERP: reps read it; writing it is for office and admin users, so on a rep's
/// device `add`, `edit` and `delete` are refused (exit code 4).
struct ProductCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product",
        abstract: "The product catalogue (maintained by the office; read-only for reps).",
        subcommands: [Add.self, List.self, ShowRecord<ProductCommand>.self, Edit.self, DeleteRecord<ProductCommand>.self]
    )

    /// Options shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "Product number (required).") var number: String?
        @Option(help: "Name (required).") var name: String?
        @Option(help: "Description.") var description: String?
        @Option(help: "Sales unit, e.g. pcs, m, kg.") var unit: String?
        @Option(help: "List price, e.g. 149.90.") var price: String?
        @Option(help: "Tax rate in percent, e.g. 19.") var taxRate: String?
        @Option(help: "Product group.") var group: String?
        @Option(help: "Still sold: yes or no.") var active: String?
        @Option(help: "Set any other field: field=value (repeatable).") var set: [String] = []

        var values: [String: String] {
            get throws {
                var values = try RecordCommandSupport.assignments(set)
                let named: [(String, String?)] = [
                    ("number", number), ("name", name), ("description", description), ("unit", unit),
                    ("listPrice", price), ("taxRate", taxRate), ("productGroup", group), ("active", active),
                ]
                for (field, value) in named { if let value { values[field] = value } }
                return values
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a product (office and admin users only).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            support.show(try support.create("product", values: try fields.values))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List products, optionally by group or text.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only products whose text fields contain this (case and accents ignored).") var search: String?
        @Option(help: "Only products of this group.") var group: String?
        @Option(help: "Only active (yes) or inactive (no) products.") var active: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            var filter = try ListFilter("product", support: support)
            try filter.equals("productGroup", group)
            try filter.equals("active", active)
            let products = filter.apply(try support.list("product", search: search, sortField: "number"))
            support.showList(
                products, columns: ["number", "name", "unit", "listPrice", "productGroup"], empty: "No products."
            )
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change fields of a product (office and admin users only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Product ID.") var id: String
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            support.show(try support.update("product", id: id, values: try fields.values))
        }
    }

}

extension ProductCommand: RecordNoun {
    static let entity = "product"
    static let noun = "product"
}
