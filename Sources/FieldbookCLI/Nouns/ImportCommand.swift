import ArgumentParser
import FieldbookClient
import FieldbookModel
import Foundation

/// `fieldbook import ENTITY FILE.csv`: CSV import into the local replica
/// with a column-mapping file (see Protocol/interchange.md). Every row is a
/// normal local write that syncs; rows with errors are reported by line and
/// skipped, the rest imported. Exit code 4 when any row failed.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import records from a CSV file (ERP or old CRM) with a column mapping.",
        discussion: """
            Without --mapping, columns named like the entity's fields are read (the form \
            `fieldbook export` writes). Re-importing the same file updates or skips records \
            instead of duplicating them (the key column, or an `id` column, identifies a row). \
            Writes are checked with the signed-in user's role: products, price lists, orders \
            and invoices need an office or admin user (or the server's POST /v1/import).
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The entity, e.g. opportunity, product, account.") var entity: String
    @Argument(help: "The CSV file (UTF-8; `,` or `;` separated).") var file: String
    @Option(help: "The mapping file (JSON).") var mapping: String?
    @Flag(help: "Report what would be created, updated or skipped without writing.") var dryRun = false
    @Option(help: "Rows per transaction.") var batchSize = 500

    func run() async throws {
        let context = try CLIContext.open(global)
        let mapping = try Self.loadMapping(mapping, entity: entity)
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("cannot read \(file)", exitCode: 2) }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(file) is not UTF-8 text", exitCode: 2) }
        let credentials = try? Credentials.load(from: CLIContext.dataDirectory(global))
        let role = credentials?.role.map(Role.init(rawValue:)) ?? .rep
        var defaults: [String: String] = [:]
        if let user = credentials?.user { defaults["owner"] = user }
        let schema: EntitySchema
        do {
            schema = try context.database.schema(mapping.entity)
        } catch {
            throw CLIError("no entity \(mapping.entity)", exitCode: 2)
        }
        defaults = defaults.filter { schema.field($0.key) != nil }
        let report: ImportReport
        do {
            report = try context.database.importCSV(
                text, mapping: mapping, role: role, dryRun: dryRun, defaults: defaults, batchSize: batchSize
            ) { done, total in
                if total >= 1000 { FileHandle.standardError.write(Data("imported \(done)/\(total) rows\n".utf8)) }
            }
        } catch let error as CSVError {
            throw CLIError("\(file): \(error)", exitCode: 4)
        } catch let error as ImportProblem {
            throw CLIError("\(file): \(error)", exitCode: 2)
        }
        context.emit(Self.json(report), human: Self.human(report))
        if report.failed > 0 { throw ExitCode(4) }
    }

    /// The mapping in `path`, or the identity mapping of `entity`; the entities must agree.
    static func loadMapping(_ path: String?, entity: String) throws -> ImportMapping {
        guard let path else { return ImportMapping(entity: entity) }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read \(path)", exitCode: 2) }
        let mapping: ImportMapping
        do {
            mapping = try JSONDecoder().decode(ImportMapping.self, from: data)
        } catch {
            throw CLIError("\(path) is not a valid mapping file: \(error)", exitCode: 2)
        }
        guard mapping.entity == entity else {
            throw CLIError("\(path) maps \(mapping.entity), not \(entity)", exitCode: 2)
        }
        return mapping
    }

    static func json(_ report: ImportReport) -> JSONValue {
        .object([
            "entity": .string(report.entity), "dryRun": .bool(report.dryRun), "rows": .int(Int64(report.rows)),
            "created": .int(Int64(report.created)), "updated": .int(Int64(report.updated)),
            "skipped": .int(Int64(report.skipped)), "failed": .int(Int64(report.failed)),
            "messages": .array(
                report.messages.map { message in
                    .object([
                        "line": message.line.map { .int(Int64($0)) } ?? .null, "column": .optional(message.column),
                        "severity": .string(message.severity), "message": .string(message.message),
                    ])
                }
            ),
        ])
    }

    static func human(_ report: ImportReport) -> String {
        let verb = report.dryRun ? "Dry run (nothing written)" : "Imported"
        var lines = [
            "\(verb): \(report.rows) rows of \(report.entity) — \(report.created) created, \(report.updated) updated, "
                + "\(report.skipped) skipped, \(report.failed) failed"
        ]
        for message in report.messages {
            let place = message.line.map { "line \($0)" } ?? "file"
            lines.append("  \(place) \(message.severity): \(message.message)")
        }
        return lines.joined(separator: "\n")
    }
}
