import ArgumentParser
import FieldbookClient
import FieldbookModel
import FieldbookSync

extension EventCommand {
    /// `fieldbook event invite ID --contact C …`.
    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Invite contacts: one registration (invited) per contact; inviting twice changes nothing."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Event ID.") var id: String
        @Option(help: "Contact ID (repeatable, required).") var contact: [String] = []

        func run() async throws {
            guard !contact.isEmpty else { throw CLIError("give at least one --contact", exitCode: 2) }
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("event", id)
            for contactID in contact { _ = try support.require("contact", contactID) }
            let registrations = try MarketingSupport.run {
                try support.context.database.inviteToEvent(id, contacts: contact, invitedBy: MarketingSupport.signedInUser(global))
            }
            support.showList(registrations, columns: ["contact", "account", "status"], empty: "Nobody invited.")
        }
    }

    /// `fieldbook event register ID --contact C`.
    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a contact's registration for an event.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Event ID.") var id: String
        @Option(help: "Contact ID (required).") var contact: String
        @Flag(help: "The contact cancelled instead.") var cancelled = false

        func run() async throws {
            try EventCommand.mark(id, contact: contact, status: cancelled ? "cancelled" : "registered", global: global)
        }
    }

    /// `fieldbook event attend ID --contact C [--no-show]`.
    struct Attend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a contact attended (walk-ins need no invitation), or --no-show."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Event ID.") var id: String
        @Option(help: "Contact ID (required).") var contact: String
        @Flag(help: "The contact registered but did not come.") var noShow = false

        func run() async throws {
            try EventCommand.mark(id, contact: contact, status: noShow ? "no_show" : "attended", global: global)
        }
    }

    /// `fieldbook event lead ID --name … --company …`.
    struct Lead: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Capture a lead at an event (source trade fair, linked to the event).",
            discussion: """
                The lead is new, owned by --owner or the signed-in rep, with a follow-up date \
                (default: tomorrow). With --contact, the contact's registration becomes attended and \
                links the lead. Works offline; two reps capturing leads at one booth keep both.
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Event ID.") var id: String
        @Option(help: "Person's name, e.g. 'Karin Weber' (last word = last name).") var name: String?
        @Option(help: "Company name.") var company: String?
        @Option(help: "E-mail address.") var email: String?
        @Option(help: "Phone number.") var phone: String?
        @Option(help: "What the visitor asked about.") var description: String?
        @Option(help: "Owning rep (user ID; default: the signed-in user).") var owner: String?
        @Option(help: "Follow-up date (default: tomorrow).") var followUp: String?
        @Option(help: "A known contact the lead came from.") var contact: String?

        func run() async throws {
            let support = RecordCommandSupport(context: try .open(global))
            _ = try support.require("event", id)
            if let contact { _ = try support.require("contact", contact) }
            let person = MarketingSupport.splitName(name)
            let input = EventLeadInput(
                company: company, firstName: person.first, lastName: person.last, email: email, phone: phone,
                description: description, owner: owner ?? MarketingSupport.signedInUser(global),
                followUp: try MarketingSupport.date(followUp, support), contact: contact
            )
            support.show(
                try MarketingSupport.run { try support.context.database.captureEventLead(id, input, today: support.context.today) }
            )
        }
    }

    /// Moves a registration to `status` and prints it.
    static func mark(_ id: String, contact: String, status: String, global: GlobalOptions) throws {
        let support = RecordCommandSupport(context: try .open(global))
        _ = try support.require("event", id)
        _ = try support.require("contact", contact)
        support.show(
            try MarketingSupport.run { try support.context.database.setEventRegistration(id, contact: contact, status: status) }
        )
    }
}
