import Hummingbird

/// The `/v1/auth/*` routes. (Scaffold: replaced by the identity work.)
enum IdentityRoutes {
    /// Adds the routes to `router`.
    static func register(on router: Router<FieldbookRequestContext>, services: ServerServices) {}
}
