extension EntitySchema {
    /// A person who uses Fieldbook; owns records and belongs to a team.
    public static let user = EntitySchema(
        "user", access: .organization,
        summary: "A user: login, role, team, territories.",
        fields: [
            Field("login", .text(maxLength: 64)).required().monotonic(.writeOnce),
            Field("displayName", .text(maxLength: 200)).required(),
            Field("email", .email),
            Field("phone", .phone),
            Field("role", .enumeration(["rep", "office", "manager", "admin"])).required(),
            Field("team", .reference("team")),
            Field("territories", .set(of: .reference("territory"))),
            Field("manager", .reference("user")),
            Field("active", .bool),
        ]
    )
}
