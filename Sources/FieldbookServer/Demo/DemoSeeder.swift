import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Foundation

/// Seeds ``DemoDataset`` into a fresh server: territories and users through
/// the ``IdentityService`` (credentials and `user` records together), every
/// other record as a server-authored change (``SyncService/author(_:_:caller:_:)``
/// with caller `.system`), so clients pull the demo like any other data.
///
/// ```swift
/// let seeded = DemoSeeder.isEmpty(dataDirectory)   // before opening the services
/// let services = try ServerServices.open(dataDirectory: dataDirectory, logger: logger)
/// if seeded { try await DemoSeeder(services: services).seed() }
/// ```
struct DemoSeeder {
    /// What went wrong while seeding: the record and the refusal (codes and IDs only).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let services: ServerServices
    /// "Today" for relative dates (close dates, appointment times).
    var now: Date = Date()

    /// Whether `directory` is missing or holds no entries: the only case the demo is seeded in.
    static func isEmpty(_ directory: URL) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return entries.isEmpty
    }

    /// The one-time notice printed on stderr after seeding.
    static var notice: String {
        let logins = DemoDataset.users.map { "  \($0.login) (\($0.role)\($0.territories.isEmpty ? "" : ", " + $0.territories.joined(separator: ", ")))" }
        return """
            ==============================================================
            DEMO DATA: this server was seeded with an invented demo dataset
            (\(DemoDataset.accounts.count) accounts in territories North and South). Sign in as:
            \(logins.joined(separator: "\n"))
            Password for every demo user: \(DemoDataset.password)
            Do not use this data directory for real customers.
            ==============================================================

            """
    }

    /// Seeds the whole dataset. Call only on empty stores (``isEmpty(_:)``).
    func seed() async throws {
        let identity = services.identity
        var territories: [String: String] = [:]
        for territory in DemoDataset.territories {
            territories[territory.name] = try await identity.addTerritory(name: territory.name, code: territory.code)
        }
        var users: [String: String] = [:]
        for user in DemoDataset.users {
            users[user.login] = try await identity.addUser(
                NewUser(
                    login: user.login, displayName: user.displayName, role: user.role, territories: user.territories,
                    password: DemoDataset.password
                )
            )
        }
        for product in DemoDataset.products { try await seed(product) }
        for account in DemoDataset.accounts {
            guard let territory = territories[account.territory], let owner = users[account.owner] else {
                throw Failure(description: "demo account \(account.id) names an unknown territory or owner")
            }
            try await seed(account, territory: territory, owner: owner)
        }
    }

    // MARK: Records

    private func seed(_ product: DemoDataset.Product) async throws {
        try await author("product", product.id) { builder in
            builder.set("number", to: .text(product.number))
            builder.set("name", to: .text(product.name))
            builder.set("productGroup", to: .text(product.group))
            builder.set("unit", to: .text(product.unit))
            builder.set("listPrice", to: .text(product.listPrice))
            builder.set("taxRate", to: .text("19.00"))
            builder.set("active", to: .bool(true))
        }
    }

    private func seed(_ account: DemoDataset.Account, territory: String, owner: String) async throws {
        try await author("account", account.id) { builder in
            builder.set("name", to: .text(account.name))
            builder.set("number", to: .text(account.number))
            builder.add("customer", to: "roles")
            builder.set("status", to: .text("active"))
            builder.set("industry", to: .text(account.industry))
            builder.set("abcClass", to: .text(account.abcClass))
            builder.set("territory", to: .text(territory))
            builder.set("owner", to: .text(owner))
            builder.set("phone", to: .text(account.phone))
            builder.insertItem(
                "visiting", into: "addresses", after: nil,
                members: [
                    "kind": .text("visiting"), "street": .text(account.street), "postalCode": .text(account.postalCode),
                    "city": .text(account.city), "country": .text("DE"),
                ]
            )
        }
        for contact in account.contacts {
            try await author("contact", contact.id) { builder in
                builder.set("account", to: .text(account.id))
                builder.set("salutation", to: .text(contact.salutation))
                builder.set("firstName", to: .text(contact.firstName))
                builder.set("lastName", to: .text(contact.lastName))
                builder.set("function", to: .text(contact.function))
                builder.set("buyingRole", to: .text(contact.buyingRole))
                builder.set("email", to: .text(contact.email))
                builder.set("owner", to: .text(owner))
            }
        }
        for opportunity in account.opportunities {
            try await author("opportunity", opportunity.id) { builder in
                builder.set("account", to: .text(account.id))
                builder.set("name", to: .text(opportunity.name))
                builder.set("number", to: .text(opportunity.number))
                builder.set("amount", to: .text(opportunity.amount))
                builder.set("phase", to: .text(opportunity.phase))
                builder.set("probability", to: .text(opportunity.probability))
                builder.set("expectedCloseDate", to: day(in: opportunity.closesInDays).date.value)
                builder.set("status", to: .text("open"))
                builder.set("forecastCategory", to: .text("pipeline"))
                builder.set("owner", to: .text(owner))
                for contact in account.contacts { builder.add(contact.id, to: "buyingCenter") }
            }
        }
        if let appointment = account.appointment, let contact = account.contacts.first {
            let start = day(in: appointment.inDays, hour: 9)
            let end = UTCDateTime(secondsSinceEpoch: start.secondsSinceEpoch + 90 * 60) ?? start
            try await author("appointment", appointment.id) { builder in
                builder.set("subject", to: .text(appointment.subject))
                builder.set("location", to: .text("\(account.street), \(account.postalCode) \(account.city)"))
                builder.set("start", to: start.value)
                builder.set("end", to: end.value)
                builder.set("account", to: .text(account.id))
                builder.set("contact", to: .text(contact.id))
                builder.set("organizer", to: .text(owner))
                builder.add(owner, to: "internalParticipants")
                builder.add(contact.id, to: "externalParticipants")
                builder.set("status", to: .text("planned"))
                builder.set("icalUID", to: .text("\(appointment.id)@demo.fieldbook"))
            }
        }
    }

    // MARK: Helpers

    /// Midnight (or `hour`:00) UTC `days` after today.
    private func day(in days: Int, hour: Int = 0) -> UTCDateTime {
        let today = Int64(now.timeIntervalSince1970) / 86_400 * 86_400
        let seconds = today + Int64(days) * 86_400 + Int64(hour) * 3_600
        return UTCDateTime(secondsSinceEpoch: seconds) ?? UTCDateTime(secondsSinceEpoch: 0)!
    }

    /// Authors one record as the server; a refusal names the record and the code.
    private func author(_ entity: String, _ id: String, _ edit: (inout ChangeBuilder) throws -> Void) async throws {
        let authored = try await services.sync.author(entity, id, caller: .system, edit)
        guard let authored, authored.result.status == .rejected else { return }
        let code = authored.result.code?.rawValue ?? "rejected"
        throw Failure(description: "the demo \(entity) \(id) was refused: \(code): \(authored.result.reason ?? "")")
    }
}
