import Foundation
import Hummingbird

/// One served route: a method and a path template such as `/v1/records/{entity}`.
public struct ServedRoute: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The HTTP method, upper case.
    public var method: String
    /// The path template; parameters are written `{name}`.
    public var path: String

    /// Creates a route.
    public init(method: String, path: String) {
        self.method = method
        self.path = path
    }

    public var description: String { "\(method) \(path)" }

    public static func < (lhs: ServedRoute, rhs: ServedRoute) -> Bool {
        (lhs.path, lhs.method) < (rhs.path, rhs.method)
    }
}

/// The routes a router serves, filled once the routes are registered, so the
/// error middleware can tell an unknown path (404) from a wrong method (405).
final class RouteTable: @unchecked Sendable {
    private let lock = NSLock()
    private var _routes: [ServedRoute] = []

    /// The routes, sorted by path then method.
    var routes: [ServedRoute] {
        get { lock.withLock { _routes } }
        set { lock.withLock { _routes = newValue.sorted() } }
    }

    /// The methods served for `path` (an actual request path); empty when no template matches.
    func methods(matching path: String) -> [String] {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        return routes.filter { route in
            let template = route.path.split(separator: "/", omittingEmptySubsequences: true)
            guard template.count == components.count else { return false }
            return zip(template, components).allSatisfy { pattern, actual in
                (pattern.hasPrefix("{") && pattern.hasSuffix("}")) || pattern == "*" || pattern == actual
            }
        }.map(\.method)
    }

    /// The routes of `router`, as templates.
    static func routes(of router: Router<FieldbookRequestContext>) -> [ServedRoute] {
        router.routes.map { ServedRoute(method: $0.method.rawValue, path: $0.path.description) }.sorted()
    }
}
