/// Who is writing: the permission level a change is validated against.
///
/// Roles are an open set of names (a deployment may add its own); the
/// standard ones match the people in the domain. ``system`` is the server
/// itself and ERP imports.
///
/// ```swift
/// let options = ValidationOptions.server(role: .rep)
/// ```
public struct Role: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The role's name, e.g. `"rep"`.
    public let rawValue: String

    /// Creates a role from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a role from a literal name.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Field rep (Außendienst): customer data only; reference data is read-only.
    public static let rep: Role = "rep"
    /// Inside sales / office staff (Innendienst): master and reference data too.
    public static let office: Role = "office"
    /// Sales manager: customer data of the team.
    public static let manager: Role = "manager"
    /// Administrator: users, teams, territories, configuration.
    public static let admin: Role = "admin"
    /// The server itself and ERP imports (final numbers, imported orders).
    public static let system: Role = "system"

    /// Every standard role.
    public static let everyone: Set<Role> = [.rep, .office, .manager, .admin, .system]
    /// Roles that maintain reference data (products, price lists, campaigns).
    public static let backOffice: Set<Role> = [.office, .admin, .system]
    /// Roles that maintain the organisation (users, teams, territories).
    public static let administration: Set<Role> = [.admin, .system]

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8) }

    public var description: String { rawValue }
}
