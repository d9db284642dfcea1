import Foundation
import Testing

/// Issue 6's scripted journey through a real `fieldbook-server` and real
/// `fieldbook` processes: a lead captured offline at a trade fair becomes an
/// account, contact and opportunity, an appointment, a visit report and an
/// offer with three lines; the office accepts the offer through the REST
/// API, the server wins the opportunity and creates the order, and the rep's
/// next sync shows order and accepted offer in the account's 360° view.
@Suite("end to end: sales journey", .serialized)
struct SalesJourneyTests {
    /// One offer line: product ID, quantity, list price, discount percent.
    struct Line {
        var product: String
        var quantity: Int
        var cents: Int
        var discountPercent: Int
        /// Net in cents, computed here independently of the code under test.
        var netCents: Int { quantity * cents * (100 - discountPercent) / 100 }
    }

    /// `cents` as a two-decimal amount, e.g. 271000 → "2710.00".
    static func amount(_ cents: Int) -> String { String(format: "%d.%02d", cents / 100, cents % 100) }

    @Test func tradeFairLeadToOrderInTheRepsAccountView() async throws {
        let organization = try await SalesOrganization.start()
        defer { organization.server.killNow() }
        let annaID = try #require(organization.users["anna"])
        let office = try await organization.http("eva")
        let anna = try await organization.client("anna")

        // The office plans the trade fair and keeps the products.
        let fair = try await office.send(
            "POST", "/v1/records/event",
            json: ["fields": ["name": "Hannover Messe", "kind": "trade_fair", "startDate": "2026-04-20", "booth": "H7 C12"]]
        )
        #expect(fair.status == 201 || fair.status == 200, "\(fair.body ?? "")")
        let event = try #require(fair.object["id"] as? String)
        var products: [String] = []
        for (number, name) in [("P-100", "Press"), ("P-200", "Die set"), ("P-300", "Service kit")] {
            let product = try await office.send("POST", "/v1/records/product", json: ["fields": ["number": number, "name": name]])
            products.append(try #require(product.object["id"] as? String, "\(product.body ?? "")"))
        }
        try await anna.sync()

        // At the fair, offline: the lead, converted at once.
        let lead = try await anna.object(
            "event", "lead", event, "--company", "Weber Metallbau AG", "--name", "Karin Weber", "--email", "k.weber@example.com"
        )
        let leadID = try #require(lead["id"] as? String)
        #expect(lead["source"] as? String == "trade_fair")
        #expect(lead["event"] as? String == event)
        #expect(lead["owner"] as? String == annaID, "the signed-in rep owns the lead")
        let converted = try await anna.object("lead", "convert", leadID, "--amount", "30000", "--expected-close", "2026-12-15")
        let account = try #require((converted["account"] as? [String: Any])?["id"] as? String)
        let contact = try #require((converted["contact"] as? [String: Any])?["id"] as? String)
        let opportunity = try #require((converted["opportunity"] as? [String: Any])?["id"] as? String)

        // Appointment, then the visit report from it.
        let appointment = try #require(
            try await anna.object(
                "appointment", "add", "--subject", "Press demo", "--start", "tomorrow 10:00", "--duration", "90m",
                "--account", account, "--contact", contact, "--opportunity", opportunity
            )["id"] as? String
        )
        let visit = try await anna.object(
            "visit", "add", "--from-appointment", appointment, "--topic", "pricing", "--outcome", "Wants an offer",
            "--next-steps", "Send the offer"
        )
        #expect(visit["account"] as? String == account)

        // The offer with three lines, sent.
        let lines = [
            Line(product: products[0], quantity: 2, cents: 120_000, discountPercent: 10),
            Line(product: products[1], quantity: 1, cents: 45_000, discountPercent: 0),
            Line(product: products[2], quantity: 4, cents: 2_500, discountPercent: 0),
        ]
        let offer = try #require(
            try await anna.object(
                "offer", "add", "--account", account, "--contact", contact, "--opportunity", opportunity,
                "--valid-until", "in 4 weeks", "--tax-rate", "19", "--owner", annaID
            )["id"] as? String
        )
        for line in lines {
            let added = try await anna.run([
                "offer", "line", "add", offer, "--product", line.product, "--quantity", String(line.quantity),
                "--price", Self.amount(line.cents), "--discount", String(line.discountPercent), "--json",
            ])
            #expect(added.exitCode == 0, "\(added)")
        }
        let sent = try await anna.object("offer", "send", offer)
        #expect(sent["status"] as? String == "sent")
        let provisional = try #require(sent["provisionalNumber"] as? String)
        let netCents = lines.map(\.netCents).reduce(0, +)
        let grossCents = netCents + netCents * 19 / 100
        #expect(sent["netTotal"] as? String == Self.amount(netCents))
        #expect(sent["grossTotal"] as? String == Self.amount(grossCents))

        let pushed = try await anna.sync()
        let rejections = try await anna.run(["status", "--json"]).stdout
        #expect(pushed["rejected"] as? Int == 0, "\(rejections)")

        // The office accepts the offer; the server wins the opportunity and creates the order.
        let accepted = try await office.send("PATCH", "/v1/records/offer/\(offer)", json: ["fields": ["status": "accepted"]])
        #expect(accepted.status == 200, "\(accepted.body ?? "")")
        let won = try await office.send("GET", "/v1/records/opportunity/\(opportunity)")
        let wonFields = try #require(won.object["fields"] as? [String: Any])
        #expect(wonFields["status"] as? String == "won")
        #expect((wonFields["closeReason"] as? String)?.contains("accepted") == true)

        // Anna's next sync: the 360° view shows the order and the accepted offer with its final number.
        let pulled = try await anna.sync()
        #expect(pulled["rejected"] as? Int == 0)
        let view = try await anna.object("account", "show", account)
        let offers = try #require(view["offers"] as? [[String: Any]])
        let shownOffer = try #require(offers.first { $0["id"] as? String == offer })
        #expect(shownOffer["status"] as? String == "accepted")
        #expect(shownOffer["provisionalNumber"] as? String == provisional)
        let finalNumber = try #require(shownOffer["finalNumber"] as? String)
        #expect(finalNumber.hasPrefix("A-") && finalNumber != provisional)
        let orders = try #require(view["orders"] as? [[String: Any]])
        #expect(orders.count == 1)
        let order = try #require(orders.first)
        #expect(order["opportunity"] as? String == opportunity)
        #expect(order["offer"] as? String == offer)
        #expect(order["contact"] as? String == contact)
        #expect(order["status"] as? String == "open")
        #expect(order["netTotal"] as? String == Self.amount(netCents))
        #expect(order["grossTotal"] as? String == Self.amount(grossCents))
        let shownOpportunity = try await anna.object("opportunity", "show", opportunity)
        #expect(shownOpportunity["status"] as? String == "won")
        #expect((try await anna.object("lead", "show", leadID))["convertedOpportunity"] as? String == opportunity)
        #expect(await organization.server.terminate() == 0)
    }
}
