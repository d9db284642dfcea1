import ArgumentParser
import FieldbookClient
import FieldbookModel
import Foundation

/// `fieldbook`: the offline CRM for field sales, on the command line.
public struct FieldbookCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fieldbook",
        abstract: "Fieldbook — the offline-first CRM for field sales.",
        discussion: """
            Everything works without a network: records live in a local replica \
            (see --home) and sync with the office server when you run `fieldbook sync`.

            Dates and times accept ISO 8601 (2026-11-23T10:00) and everyday forms \
            (today 14:00, tomorrow 10:00, friday 9:30, in 3 days, 23.11.2026).
            Every command takes --json for scripts.

            Sign in once with `fieldbook login --server URL --user NAME`, then run `fieldbook sync`.

            Exit codes: 0 success, 1 failure, 2 usage error, 3 record not found, \
            4 rejected by validation or a workflow rule, 5 scheduling conflict (use --force), \
            6 server unreachable (work goes on offline), 7 not signed in or sign-in refused.
            """,
        version: "0.1.0",
        subcommands: FieldbookCommand.nouns
    )

    /// The subcommands, by noun.
    static let nouns: [any ParsableCommand.Type] = [
        AccountCommand.self, ContactCommand.self, LeadCommand.self, OpportunityCommand.self, PipelineCommand.self,
        ActivityCommand.self,
        TaskCommand.self, AppointmentCommand.self, VisitCommand.self, OfferCommand.self, ProductCommand.self,
        TicketCommand.self, ContractCommand.self, CampaignCommand.self, TodayCommand.self, ConflictsCommand.self,
        StatusCommand.self, LoginCommand.self, LogoutCommand.self, SyncCommand.self, DebugCommand.self,
        MailCommand.self,
        ReportCommand.self,
        ImportCommand.self,
        ExportCommand.self,
        EventCommand.self,
        CompetitorCommand.self,
        PriceListCommand.self,
    ]

    public init() {}

    /// Runs the command line, mapping errors to messages and exit codes.
    public static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("Error: \(error.message)\n".utf8))
            Self.exit(withError: ExitCode(error.exitCode))
        } catch let error as WorkflowError {
            let mapped = CLIError(workflowError: error)
            FileHandle.standardError.write(Data("Error: \(mapped.message)\n".utf8))
            Self.exit(withError: ExitCode(mapped.exitCode))
        } catch let error as ClientError {
            let mapped = CLIError(clientError: error)
            FileHandle.standardError.write(Data("Error: \(mapped.message)\n".utf8))
            Self.exit(withError: ExitCode(mapped.exitCode))
        } catch {
            Self.exit(withError: error)
        }
    }
}

extension CLIError {
    /// The user-facing form of a refused workflow step: exit code 4 (3 for a missing account).
    public init(workflowError: WorkflowError) {
        switch workflowError {
        case .accountNotFound: self.init(workflowError.description, exitCode: 3)
        default: self.init(workflowError.description, exitCode: 4)
        }
    }

    /// The user-facing form of a client error.
    public init(clientError: ClientError) {
        switch clientError {
        case .recordNotFound(let id): self.init("no record with ID \(id) on this device", exitCode: 3)
        case .validationFailed(let entity, _, let issues):
            let messages = issues.filter { $0.severity == .error }.map(\.message)
            self.init("\(entity) not saved: " + messages.joined(separator: "; "), exitCode: 4)
        default: self.init(clientError.description)
        }
    }
}
