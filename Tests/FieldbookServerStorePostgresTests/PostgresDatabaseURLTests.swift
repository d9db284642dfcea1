import FieldbookServerStorePostgres
import Testing

@Suite("PostgreSQL database URLs")
struct PostgresDatabaseURLTests {
    @Test func aFullURLIsParsedAndPrintedWithoutItsPassword() throws {
        let url = try PostgresDatabaseURL("postgres://fieldbook:s%40cret@db.internal:6543/crm?schema=tenant_1&sslmode=require")
        #expect(url.host == "db.internal" && url.port == 6543 && url.database == "crm")
        #expect(url.username == "fieldbook" && url.password == "s@cret")
        #expect(url.schema == "tenant_1" && url.tls == .require)
        #expect(url.redacted == "postgres://fieldbook:***@db.internal:6543/crm?schema=tenant_1&sslmode=require")
        #expect(!"\(url)".contains("cret"))
        #expect(try PostgresDatabaseURL(url.connectionString) == url, "the connection string round-trips")
    }

    @Test func defaultsApply() throws {
        let url = try PostgresDatabaseURL("postgresql://anna@localhost/fieldbook")
        #expect(url.port == 5432 && url.password == nil && url.schema == nil && url.tls == .prefer)
        #expect(url.redacted == "postgres://anna@localhost:5432/fieldbook")
    }

    @Test(arguments: [
        "mysql://a@b/c", "postgres://b/c", "postgres://a@/c", "postgres://a@b", "postgres://a@b/c?schema=Bad-Name",
        "postgres://a@b/c?sslmode=always", "postgres://a@b/c?pool=3",
    ])
    func invalidURLsAreRefusedWithoutQuotingThePassword(_ text: String) {
        #expect(throws: PostgresDatabaseURLError.self) { try PostgresDatabaseURL(text) }
    }
}
