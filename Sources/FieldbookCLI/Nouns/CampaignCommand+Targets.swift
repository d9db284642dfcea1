import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

extension CampaignCommand {
    /// Target-group criteria shared by `target` and `send`.
    struct Criteria: ParsableArguments {
        @Option(help: "Account industry (repeatable or comma-separated).") var industry: [String] = []
        @Option(help: "Account ABC class: A, B, C (repeatable or comma-separated).") var abc: [String] = []
        @Option(help: "Account territory: ID, name or code (repeatable).") var territory: [String] = []
        @Option(help: "Interest of the contact or its account (repeatable).") var interest: [String] = []

        /// The criteria given, nil when none (the campaign's stored criteria apply).
        func criteria() throws -> CampaignTargetCriteria? {
            guard !(industry + abc + territory + interest).isEmpty else { return nil }
            return try MarketingSupport.run {
                try CampaignTargetCriteria(industries: industry, abcClasses: abc, territories: territory, interests: interest)
            }
        }
    }

    /// `fieldbook campaign target ID [criteria] [--dry-run]`.
    struct Target: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Select a campaign's target group by industry, ABC class, territory and interests.",
            discussion: """
                Lists the contacts the campaign reaches: every criterion must match, any value \
                within one criterion. Contacts that opted out of the campaign's channel (no mail, \
                no e-mail, no calls) are always excluded. Without criteria the campaign's stored \
                criteria apply (none: every contact). Without --dry-run the contacts are selected \
                as campaign members (not yet sent), and `send` without criteria sends exactly them.
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Campaign ID.") var id: String
        @OptionGroup var criteria: Criteria
        @Flag(help: "Only list who would be included; select nobody.") var dryRun = false

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("campaign", id)
            let given = try criteria.criteria()
            let database = support.context.database
            let recipients = try MarketingSupport.run {
                dryRun ? try database.campaignTargets(id, criteria: given) : try database.selectCampaignTargets(id, criteria: given)
            }
            CampaignCommand.showRecipients(recipients, support: support)
        }
    }

    /// `fieldbook campaign preview ID --contact C [--template NAME]`.
    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a campaign's template filled in for one contact.",
            discussion: """
                Placeholders name a field of the contact, its account or the campaign: \
                {{contact.firstName}}, {{contact.lastName}}, {{account.name}}, {{campaign.name}}. \
                An unknown placeholder is an error naming it (exit code 4).
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Campaign ID.") var id: String
        @Option(help: "Contact ID (required).") var contact: String
        @Option(help: "Template name (default: the one for the campaign's channel).") var template: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("campaign", id)
            _ = try support.require("contact", contact)
            let preview = try MarketingSupport.run {
                try support.context.database.previewCampaign(id, contact: contact, template: template)
            }
            let json: JSONValue = [
                "template": .string(preview.template.name), "kind": .string(preview.template.kind),
                "subject": .string(preview.subject), "body": .string(preview.body),
            ]
            let subject = preview.subject.isEmpty ? "" : "Subject: \(preview.subject)\n\n"
            support.context.emit(json, human: subject + preview.body)
        }
    }

    /// `fieldbook campaign send ID [criteria] [--template NAME]`.
    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a campaign: one campaign member (status sent) per contact of the target group.",
            discussion: """
                Without criteria it sends the members selected by `campaign target` (if any), \
                else the group of the campaign's stored criteria. \
                Member IDs are derived from campaign and contact, so sending again — here or on \
                another device offline — adds no duplicates; contacts sent before are skipped. \
                The template is checked for every recipient first: an unknown placeholder refuses \
                the whole run (exit code 4).
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Campaign ID.") var id: String
        @OptionGroup var criteria: Criteria
        @Option(help: "Template name (default: the one for the campaign's channel).") var template: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("campaign", id)
            let given = try criteria.criteria()
            let result = try MarketingSupport.run {
                try support.context.database.sendCampaign(id, criteria: given, template: template, at: support.context.now)
            }
            let json: JSONValue = [
                "campaign": .string(id), "template": .optional(result.template?.name),
                "sent": .array(result.sent.map(support.presenter.json)),
                "alreadySent": .array(result.alreadySent.map(JSONValue.string)),
            ]
            support.context.emit(
                json, human: "Sent campaign \(id) to \(result.sent.count) contact(s); \(result.alreadySent.count) had it already."
            )
        }
    }

    /// Prints a target group as a table or JSON.
    static func showRecipients(_ recipients: [CampaignRecipient], support: RecordCommandSupport) {
        let json = JSONValue.array(
            recipients.map { recipient in
                [
                    "contact": .string(recipient.contact.id), "account": .optional(recipient.account?.id),
                    "firstName": .optional(recipient.contact.value("firstName")?.text),
                    "lastName": .optional(recipient.contact.value("lastName")?.text),
                    "accountName": .optional(recipient.account?.value("name")?.text),
                    "member": .string(recipient.memberID), "memberStatus": .optional(recipient.memberStatus),
                ]
            }
        )
        let table = TextTable(
            headers: ["CONTACT", "NAME", "ACCOUNT", "MEMBER STATUS"],
            rows: recipients.map { recipient in
                [
                    recipient.contact.id,
                    [recipient.contact.value("firstName")?.text, recipient.contact.value("lastName")?.text]
                        .compactMap { $0 }.joined(separator: " "),
                    recipient.account?.value("name")?.text ?? "", recipient.memberStatus ?? "—",
                ]
            }
        )
        support.context.emit(json, human: recipients.isEmpty ? "No contacts match." : table.render())
    }
}
