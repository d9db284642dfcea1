@testable import FieldbookServer
import Testing

/// The small header parsers the middleware relies on.
@Suite struct HeaderParsingTests {
    @Test(arguments: [
        ("gzip, deflate", BodyEncoding?.some(.gzip)), ("deflate", .deflate), ("br", nil), (nil, nil),
        ("gzip;q=0, deflate;q=0.5", .deflate), ("GZIP", .gzip), ("identity", nil), ("gzip;q=0.0", nil),
    ] as [(String?, BodyEncoding?)])
    func acceptEncoding(header: String?, expected: BodyEncoding?) {
        #expect(JSONResponder.preferredEncoding(header) == expected)
    }

    @Test func bearerTokens() {
        #expect(BearerAuthMiddleware.bearerToken("Bearer abc") == "abc")
        #expect(BearerAuthMiddleware.bearerToken("bearer  abc ") == "abc")
        #expect(BearerAuthMiddleware.bearerToken("Basic abc") == nil)
        #expect(BearerAuthMiddleware.bearerToken("Bearer") == nil)
        #expect(BearerAuthMiddleware.bearerToken(nil) == nil)
    }

    @Test func requestIDsAreKeptOnlyWhenSafe() {
        #expect(RequestObservationMiddleware.requestID(from: "req-1") == "req-1")
        let replaced = [nil, "", String(repeating: "x", count: 129), "two words", "naïve"].map {
            RequestObservationMiddleware.requestID(from: $0)
        }
        #expect(replaced.allSatisfy { $0.hasPrefix("req-") && $0.count == 20 })
    }

    @Test func contentTypesAndEncodings() throws {
        try RequestBodyReader.checkContentType("application/json")
        try RequestBodyReader.checkContentType("Application/JSON; charset=utf-8")
        #expect(throws: APIError.self) { try RequestBodyReader.checkContentType("text/json") }
        #expect(throws: APIError.self) { try RequestBodyReader.checkContentType(nil) }
        #expect(try RequestBodyReader.encoding("x-gzip") == .gzip)
        #expect(try RequestBodyReader.encoding("identity") == nil)
        #expect(throws: APIError.self) { try RequestBodyReader.encoding("gzip, br") }
    }

    @Test func routeTemplatesMatchPaths() {
        let table = RouteTable()
        table.routes = [
            ServedRoute(method: "GET", path: "/v1/records/{entity}/{id}"),
            ServedRoute(method: "PATCH", path: "/v1/records/{entity}/{id}"),
            ServedRoute(method: "POST", path: "/v1/sync/push"),
        ]
        #expect(table.methods(matching: "/v1/records/account/acc-1") == ["GET", "PATCH"])
        #expect(table.methods(matching: "/v1/records/account") == [])
        #expect(table.methods(matching: "/v1/sync/push/") == ["POST"])
    }
}
