import ArgumentParser
import FieldbookClient
import FieldbookModel
import Foundation

/// `fieldbook export ENTITY`: the live records of an entity as RFC 4180 CSV
/// (an `id` column, then the schema's fields in order; references as IDs).
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the records of an entity as CSV (imports again with `fieldbook import`).",
        discussion: "List fields (order lines, addresses, pipeline phases) are not exported; set fields are joined by |."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The entity, e.g. account, opportunity, product.") var entity: String
    @Option(help: "Write to this file instead of standard output.") var output: String?
    @Option(help: "A mapping file: export only its columns, named as in the file.") var mapping: String?

    func run() async throws {
        let context = try CLIContext.open(global)
        let mapping = try mapping.map { try ImportCommand.loadMapping($0, entity: entity) }
        let csv: String
        do {
            csv = try context.database.exportCSV(entity, mapping: mapping)
        } catch ClientError.unknownEntity {
            throw CLIError("no entity \(entity)", exitCode: 2)
        }
        if let output {
            do {
                try Data(csv.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CLIError("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(csv.utf8))
        }
    }
}
