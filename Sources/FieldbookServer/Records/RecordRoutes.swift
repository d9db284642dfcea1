import Hummingbird

/// The office REST API `/v1/records/*`. (Scaffold: replaced by the REST work.)
enum RecordRoutes {
    /// Adds the routes to `router`.
    static func register(on router: Router<FieldbookRequestContext>, services: ServerServices) {}
}
