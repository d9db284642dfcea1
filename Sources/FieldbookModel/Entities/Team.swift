extension EntitySchema {
    /// A group of users selling together (selling center); managers see their team.
    public static let team = EntitySchema(
        "team", access: .organization,
        summary: "A group of users with a manager.",
        fields: [
            Field("name", .text(maxLength: 200)).required(),
            Field("manager", .reference("user")),
            Field("members", .set(of: .reference("user"))),
        ]
    )
}
