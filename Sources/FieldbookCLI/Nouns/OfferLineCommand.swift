import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

/// `fieldbook offer line …`: add, change and remove an offer's lines. The
/// line's net and the offer's totals are stored in the same change.
struct OfferLineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "line",
        abstract: "Add, change or remove offer lines.",
        subcommands: [Add.self, Edit.self, Remove.self]
    )

    /// Line members and placement, shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "Product ID (its list price, unit and name are the defaults).") var product: String?
        @Option(help: "Line text (default: the product's name).") var description: String?
        @Option(help: "Quantity, e.g. 3 or 2.5.") var quantity: String?
        @Option(help: "Unit, e.g. pcs, m, kg.") var unit: String?
        @Option(help: "List price per unit, e.g. 12.50.") var price: String?
        @Option(help: "Discount in percent, e.g. 10.") var discount: String?
        @Option(help: "Place the line after this line ID.") var after: String?
        @Flag(help: "Place the line first.") var first = false

        /// The typed line input, amounts converted (and rounded) per the schema's member kinds.
        func input(_ context: CLIContext) throws -> OfferLineInput {
            let members = try Self.memberFields(context)
            let converter = FieldInput(timeZone: context.timeZone, now: context.now)
            func number(_ text: String?, _ member: String, option: String) throws -> DecimalNumber? {
                guard let text, let field = members[member] else { return nil }
                guard let number = try converter.value(text, for: field).decimal else {
                    throw CLIError("--\(option): expected a number such as 12.50", exitCode: 2)
                }
                return number
            }
            return OfferLineInput(
                product: product, description: description,
                quantity: try number(quantity, "quantity", option: "quantity"), unit: unit,
                listPrice: try number(price, "listPrice", option: "price"),
                discountPercent: try number(discount, "discountPercent", option: "discount")
            )
        }

        /// Where the line goes; nil when neither `--after` nor `--first` is given.
        var placement: LinePlacement? {
            get throws {
                if first, after != nil { throw CLIError("give either --after or --first, not both", exitCode: 2) }
                if first { return .start }
                return after.map(LinePlacement.after)
            }
        }

        private static func memberFields(_ context: CLIContext) throws -> [String: Field] {
            guard case .list(let members)? = try context.database.schema("offer").field("lines")?.kind else {
                return [:]
            }
            return Dictionary(uniqueKeysWithValues: members.map { ($0.name, $0) })
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a line to an offer.",
            discussion:
                "Every line needs a product (--product) and a quantity; --price defaults to the product's list price."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Offer ID.") var offer: String
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("offer", offer)
            guard fields.product != nil else {
                throw CLIError("an offer line needs --product (every line refers to a catalogue product)", exitCode: 2)
            }
            guard fields.quantity != nil else { throw CLIError("an offer line needs --quantity", exitCode: 2) }
            let line = ClientDatabase.newRecordID()
            let input = try fields.input(support.context)
            let placement = try fields.placement ?? .end
            let updated = try OfferCommand.mapErrors {
                try support.context.database.addOfferLine(to: offer, input, placement: placement, lineID: line)
            }
            OfferView(context: support.context).show(
                updated, extra: ["line": .string(line)], note: "Added line \(line).\n")
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change or move an offer line.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Offer ID.") var offer: String
        @Argument(help: "Line ID.") var line: String
        @OptionGroup var fields: Fields

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("offer", offer)
            let input = try fields.input(support.context)
            let placement = try fields.placement
            let updated = try OfferCommand.mapErrors {
                try support.context.database.editOfferLine(line, of: offer, input, moveTo: placement)
            }
            OfferView(context: support.context).show(updated, extra: ["line": .string(line)])
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a line from an offer.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Offer ID.") var offer: String
        @Argument(help: "Line ID.") var line: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("offer", offer)
            let updated = try OfferCommand.mapErrors {
                try support.context.database.removeOfferLine(line, of: offer)
            }
            OfferView(context: support.context).show(updated, note: "Removed line \(line).\n")
        }
    }
}
