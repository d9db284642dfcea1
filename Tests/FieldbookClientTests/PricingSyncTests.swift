import FieldbookClient
import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync
import Foundation
import Testing

@Suite("Price lists on offers, across replicas")
struct PricingSyncTests {
    static let office = SyncCaller(user: "user-eva", role: .office)
    static let day = CalendarDate(year: 2025, month: 6, day: 15)!

    private func author(_ world: SyncWorld, _ entity: String, _ id: String, _ body: (inout ChangeBuilder) -> Void)
        async throws
    {
        let authored = try await world.service.author(entity, id, caller: Self.office, body)
        #expect(authored?.result.status == .accepted, "\(id): \(authored?.result.reason ?? "")")
    }

    /// Product p-1 at 100.00; the default list: 90.00 from 1, 80.00 with 5 % from 10;
    /// key-account list kl-1 (for acc-key): 70.00.
    private func catalogue(_ world: SyncWorld) async throws {
        try await author(world, "product", "p-1") { b in
            b.set("number", to: "P-1"); b.set("name", to: "Pump"); b.set("listPrice", to: "100.00"); b.set("unit", to: "pcs")
        }
        try await author(world, "price_list", "pl-default") { b in
            b.set("name", to: "Standard")
            _ = b.insertItem("e1", into: "entries", after: nil, members: ["product": "p-1", "price": "90.00"])
            _ = b.insertItem(
                "e10", into: "entries", after: "e1",
                members: ["product": "p-1", "price": "80.00", "minQuantity": "10.000", "discountPercent": "5.00"])
        }
        try await author(world, "price_list", "kl-1") { b in
            b.set("name", to: "Key accounts")
            b.set("customerGroup", to: "key")
            _ = b.insertItem("k1", into: "entries", after: nil, members: ["product": "p-1", "price": "70.00"])
        }
        try await author(world, "account", "acc-key") { b in b.set("name", to: "Key GmbH"); b.set("priceList", to: "kl-1") }
        try await author(world, "account", "acc-std") { b in b.set("name", to: "Standard AG") }
    }

    private func offer(_ client: SyncClient, account: String) throws -> String {
        try client.database.createOffer(offerDate: Self.day) { change in
            change.set("account", to: .text(account))
            change.set("taxRate", to: "19.00")
            change.set("owner", to: "user-anna")
        }.id
    }

    @Test func linesTakeTheAccountsOrTheDefaultListPriceWithTierDiscounts() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        try await catalogue(world)
        _ = try await anna.sync()

        let standard = try offer(anna, account: "acc-std")
        let few = try anna.database.addOfferLine(to: standard, OfferLineInput(product: "p-1", quantity: DecimalNumber(2)), lineID: "l1")
        let many = try anna.database.addOfferLine(to: standard, OfferLineInput(product: "p-1", quantity: DecimalNumber(12)), lineID: "l2")
        #expect(few.items(of: "lines").first?.members["listPrice"] == "90.00", "default list, first tier")
        let line2 = try #require(many.items(of: "lines").first { $0.id == "l2" })
        #expect(line2.members["listPrice"] == "80.00" && line2.members["discountPercent"] == "5.00", "quantity tier")
        // 12 × 80.00 × 0.95 = 912.00 (by hand).
        #expect(line2.members["net"] == "912.00")

        let key = try offer(anna, account: "acc-key")
        let keyLine = try anna.database.addOfferLine(to: key, OfferLineInput(product: "p-1", quantity: DecimalNumber(12)))
        #expect(keyLine.items(of: "lines").first?.members["listPrice"] == "70.00", "the account's own list wins")
        let quote = try anna.database.priceQuote(product: "p-1", account: "acc-key", on: Self.day)
        #expect(quote?.source == .accountPriceList && quote?.priceList == "kl-1")
        let unlisted = try anna.database.priceQuote(product: "p-1", account: nil, on: Self.day.adding(days: 1))
        #expect(unlisted?.source == .defaultPriceList)
    }

    @Test func theOfficeChangesAPriceWhileARepEditsAnOfferAndTheAgreedPriceStays() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        try await catalogue(world)
        _ = try await anna.sync()
        let offerID = try offer(anna, account: "acc-std")
        try anna.database.addOfferLine(to: offerID, OfferLineInput(product: "p-1", quantity: DecimalNumber(2)), lineID: "l1")
        _ = try await anna.sync()

        // Offline: Anna agrees a quantity and a special discount; the office raises the prices.
        try anna.database.editOfferLine("l1", of: offerID, OfferLineInput(quantity: DecimalNumber(4), discountPercent: 3))
        try await author(world, "product", "p-1") { $0.set("listPrice", to: "120.00") }
        try await author(world, "price_list", "pl-default") { $0.setItem("e1", in: "entries", member: "price", to: "110.00") }
        for _ in 0..<2 { _ = try await anna.sync() }

        #expect(try anna.database.syncStatus().rejected.isEmpty)
        let offer = try #require(try anna.database.record(offerID))
        let line = try #require(offer.items(of: "lines").first)
        #expect(line.members["listPrice"] == "90.00", "the price Anna quoted is not rewritten")
        #expect(line.members["quantity"] == "4.000" && line.members["discountPercent"] == "3.00")
        // 4 × 90.00 × 0.97 = 349.20 (by hand).
        #expect(line.members["net"] == "349.20" && offer.value("netTotal") == "349.20")
        #expect(try anna.database.record("p-1")?.value("listPrice") == "120.00", "the new price reached the rep")
        let onServer = try #require(try await world.harness.state(offerID))
        #expect(onServer.fieldValues == offer.fieldValues, "server and replica converged")
        #expect(onServer.items(of: "lines") == offer.items(of: "lines"))
        // A new line now takes the new price.
        let next = try anna.database.addOfferLine(to: offerID, OfferLineInput(product: "p-1", quantity: DecimalNumber(1)), lineID: "l2")
        #expect(next.items(of: "lines").first { $0.id == "l2" }?.members["listPrice"] == "110.00")
    }
}
