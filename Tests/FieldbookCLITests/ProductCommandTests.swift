import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("fieldbook product")
struct ProductCommandTests {
    /// Two products as the ERP import on the server writes them, received by sync.
    func catalogue(_ cli: CLIRunner) throws {
        try cli.withDatabase { database, clock in
            var server = Replica(id: ReplicaID(unchecked: "server"))
            let products: [(String, String, String, String)] = [
                ("prod-drill", "P-100", "Cordless drill", "Tools"), ("prod-oil", "P-200", "Hydraulic oil", "Fluids"),
            ]
            let changes = products.compactMap { id, number, name, group in
                server.change("product", id, physical: clock.nowMillis()) { change in
                    change.set("number", to: .text(number))
                    change.set("name", to: .text(name))
                    change.set("productGroup", to: .text(group))
                    change.set("listPrice", to: "149.90")
                    change.set("unit", to: "pcs")
                }
            }
            try database.applyRemote(changes)
        }
    }

    @Test func repsListAndShowTheCatalogue() throws {
        let cli = try CLIRunner()
        try catalogue(cli)
        #expect(try cli.ids("product", "list") == ["prod-drill", "prod-oil"], "by number")
        #expect(try cli.ids("product", "list", "--group", "Fluids") == ["prod-oil"])
        #expect(try cli.ids("product", "list", "--search", "DRILL") == ["prod-drill"])
        let drill = try cli.record("product", "show", "prod-drill")
        expectRecordShape(drill, of: .product)
        #expect(drill["listPrice"] as? String == "149.90")
        let table = try cli.run("product", "list")
        #expect(table.stdout.contains("Cordless drill") && table.stdout.contains("LIST PRICE"))
        #expect(try cli.run("product", "show", "prod-nothing").exitCode == 3)
    }

    @Test func repsCannotWriteTheCatalogue() throws {
        let cli = try CLIRunner()
        try catalogue(cli)
        let add = try cli.run("product", "add", "--number", "P-300", "--name", "Pump")
        #expect(add.exitCode == 4)
        #expect(add.stderr.contains("may not write product"))
        #expect(try cli.run("product", "edit", "prod-drill", "--price", "99").exitCode == 4)
        #expect(try cli.run("product", "delete", "prod-drill").exitCode == 4)
        #expect(try cli.run("product", "edit", "prod-nothing", "--price", "99").exitCode == 3)
        #expect(try cli.record("product", "show", "prod-drill")["listPrice"] as? String == "149.90")
    }
}
