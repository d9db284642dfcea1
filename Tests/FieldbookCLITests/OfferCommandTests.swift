import Foundation
import Testing

@Suite("fieldbook offer")
struct OfferCommandTests {
    func nets(_ offer: [String: Any]) -> [String] {
        (offer["lines"] as? [[String: Any]])?.compactMap { $0["net"] as? String } ?? []
    }

    func lineIDs(_ offer: [String: Any]) -> [String] {
        (offer["lines"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
    }

    @Test func linesTotalsAndStatus() throws {
        let cli = try CLIRunner()
        let account = try cli.newID("account", "add", "--name", "Müller GmbH")
        let created = try cli.jsonObject("offer", "add", "--account", account)
        let id = try #require(created["id"] as? String)
        #expect(created["status"] as? String == "draft")
        #expect(created["taxRate"] as? String == "19.00")
        #expect(created["offerDate"] as? String == "2026-11-23")
        let number = try #require(created["provisionalNumber"] as? String)
        #expect(number.hasSuffix("-2026-0001") && number.count == 16)

        let first = try cli.jsonObject(
            "offer", "line", "add", id, "--product", "p-1", "--quantity", "3", "--price", "19,99", "--discount", "12.5")
        let a = try #require(first["line"] as? String)
        let second = try cli.jsonObject(
            "offer", "line", "add", id, "--product", "p-2", "--quantity", "2", "--price", "0.35", "--first")
        let b = try #require(second["line"] as? String)
        let third = try cli.jsonObject(
            "offer", "line", "add", id, "--product", "p-3", "--description", "Service", "--quantity", "0.5", "--price",
            "99.99",
            "--after", b
        )
        let c = try #require(third["line"] as? String)
        #expect(lineIDs(third) == [b, c, a])
        #expect(nets(third) == ["0.70", "50.00", "52.47"])  // 49.995 rounds half up
        #expect(third["netTotal"] as? String == "103.17")
        #expect(third["taxAmount"] as? String == "19.60")  // 19.6023
        #expect(third["grossTotal"] as? String == "122.77")

        let edited = try cli.jsonObject("offer", "line", "edit", id, c, "--quantity", "1")
        #expect(nets(edited) == ["0.70", "99.99", "52.47"])
        #expect(edited["grossTotal"] as? String == "182.26")  // 153.16 + 29.10 (29.1004)
        let removed = try cli.jsonObject("offer", "line", "remove", id, b)
        #expect(lineIDs(removed) == [c, a])
        #expect(removed["netTotal"] as? String == "152.46")

        let human = try cli.run("offer", "show", id)
        #expect(human.stdout.contains("LIST PRICE"))
        #expect(human.stdout.contains("Gross:"))
        #expect(human.stdout.contains("181.43"))  // 152.46 + 28.97 (19 % of 152.46 = 28.9674)
        #expect(human.stdout.contains(number))

        let unsent = try cli.run("offer", "edit", id, "--status", "sent")
        #expect(unsent.exitCode == 4)
        #expect(unsent.stderr.contains("validUntil"))
        let sent = try cli.jsonObject("offer", "edit", id, "--status", "sent", "--valid-until", "2026-12-15")
        #expect(sent["status"] as? String == "sent")
        let reduced = try cli.jsonObject("offer", "edit", id, "--tax-rate", "7")
        #expect(reduced["taxAmount"] as? String == "10.67")  // 7 % of 152.46 = 10.6722
        #expect(reduced["grossTotal"] as? String == "163.13")
    }

    @Test func listFiltersAndNumbering() throws {
        let cli = try CLIRunner()
        let mueller = try cli.newID("account", "add", "--name", "Müller GmbH")
        let bauer = try cli.newID("account", "add", "--name", "Bauer AG")
        let first = try cli.jsonObject("offer", "add", "--account", mueller, "--date", "yesterday")
        let second = try cli.jsonObject("offer", "add", "--account", bauer, "--valid-until", "in 2 weeks")
        let firstNumber = try #require(first["provisionalNumber"] as? String)
        let secondNumber = try #require(second["provisionalNumber"] as? String)
        #expect(secondNumber == String(firstNumber.dropLast(4)) + "0002")
        _ = try cli.jsonObject("offer", "edit", try #require(second["id"] as? String), "--status", "sent")
        #expect(recordIDs(try cli.jsonOutput(["offer", "list"])) == [second["id"] as? String, first["id"] as? String])
        #expect(recordIDs(try cli.jsonOutput(["offer", "list", "--account", mueller])) == [first["id"] as? String])
        #expect(recordIDs(try cli.jsonOutput(["offer", "list", "--status", "sent"])) == [second["id"] as? String])
        let human = try cli.run("offer", "list")
        #expect(human.stdout.contains("Bauer AG"))
        #expect(human.stdout.contains(secondNumber))
    }

    @Test func badLinesAreRefused() throws {
        let cli = try CLIRunner()
        let account = try cli.newID("account", "add", "--name", "Müller GmbH")
        let id = try cli.newID("offer", "add", "--account", account)
        #expect(
            try cli.run("offer", "line", "add", id, "--description", "Free text", "--quantity", "1", "--price", "1")
                .exitCode == 2)
        let noPrice = try cli.run("offer", "line", "add", id, "--product", "p-unknown", "--quantity", "1")
        #expect(noPrice.exitCode == 2)
        #expect(noPrice.stderr.contains("--price"))
        #expect(
            try cli.run("offer", "line", "add", id, "--product", "p", "--quantity", "many", "--price", "1").exitCode
                == 2)
        #expect(
            try cli.run("offer", "line", "add", id, "--product", "p", "--quantity", "1", "--price", "1", "--after", "x")
                .exitCode == 3)
        #expect(try cli.run("offer", "line", "remove", id, "x").exitCode == 3)
        #expect(
            try cli.run("offer", "line", "add", "no-offer", "--product", "p", "--quantity", "1", "--price", "1")
                .exitCode == 3)
        #expect(try cli.run("offer", "add").exitCode == 4)  // no account
        #expect(lineIDs(try cli.jsonObject("offer", "show", id)).isEmpty)
    }
}
