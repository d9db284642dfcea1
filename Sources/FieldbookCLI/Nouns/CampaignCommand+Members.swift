import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

extension CampaignCommand {
    /// `fieldbook campaign member list|bounce|respond|opt-out`.
    struct Member: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "member",
            abstract: "A campaign's recipients: list them, mark bounces, responses and opt-outs.",
            subcommands: [Members.self, Bounce.self, Respond.self, OptOut.self]
        )
    }

    /// `fieldbook campaign member list CAMPAIGN`.
    struct Members: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a campaign's members.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Campaign ID.") var campaign: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("campaign", campaign)
            support.showList(
                try support.context.database.campaignMembers(campaign),
                columns: ["contact", "account", "status", "sentAt", "resultingLead", "resultingActivity"],
                empty: "No members yet (run `campaign send`)."
            )
        }
    }

    /// `fieldbook campaign member bounce MEMBER`.
    struct Bounce: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a sent member bounced.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Campaign member ID.") var member: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("campaign_member", member)
            support.show(try MarketingSupport.run { try support.context.database.bounceCampaignMember(member) })
        }
    }

    /// `fieldbook campaign respond MEMBER [--lead | --task]` (also `campaign member respond`).
    struct Respond: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a member's response; --lead or --task turns it into a lead or a task.",
            discussion: """
                The lead (source campaign) or task is created in the same step and linked as the \
                member's resultingLead / resultingActivity; its ID is derived from the member, so \
                recording the response on two devices offline yields one. Owner and assignee \
                default to the contact's (or account's) owner.
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Campaign member ID.") var member: String
        @Option(help: "What the contact answered.") var response: String?
        @Flag(help: "Turn the response into a lead.") var lead = false
        @Flag(help: "Turn the response into a task.") var task = false
        @Option(help: "Lead owner or task assignee (user ID).") var owner: String?
        @Option(help: "Lead follow-up date or task due date (default: today).") var due: String?

        func run() async throws {
            if lead && task { throw CLIError("--lead and --task exclude each other", exitCode: 2) }
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("campaign_member", member)
            let date = try MarketingSupport.date(due, support)
            let followUp: CampaignResponseFollowUp =
                lead ? .lead(owner: owner, followUp: date) : task ? .task(assignee: owner, due: date) : .none
            let result = try MarketingSupport.run {
                try support.context.database.respondCampaignMember(
                    member, response: response, followUp: followUp, at: support.context.now, today: support.context.today
                )
            }
            let presenter = support.presenter
            let json: JSONValue = [
                "member": presenter.json(result.member), "lead": result.lead.map(presenter.json) ?? .null,
                "task": result.task.map(presenter.json) ?? .null,
            ]
            var human = "Member \(member) responded."
            if let created = result.lead { human += " Lead \(created.id) created." }
            if let created = result.task { human += " Task \(created.id) created." }
            support.context.emit(json, human: human)
        }
    }

    /// `fieldbook campaign member opt-out MEMBER`.
    struct OptOut: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "opt-out",
            abstract: "The member opts out: status opted_out, and the contact's opt-out for the channel is set."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Campaign member ID.") var member: String

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("campaign_member", member)
            let result = try MarketingSupport.run { try support.context.database.optOutCampaignMember(member) }
            let presenter = support.presenter
            support.context.emit(
                ["member": presenter.json(result.member), "contact": result.contact.map(presenter.json) ?? .null],
                human: "Member \(member) opted out; the contact is excluded from the next target group."
            )
        }
    }
}
