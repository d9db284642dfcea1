extension EntitySchema {
    /// A sales territory; accounts in it sync to its owner and team.
    public static let territory = EntitySchema(
        "territory", access: .organization,
        summary: "A sales territory (region or postal codes) with owner and team.",
        fields: [
            Field("name", .text(maxLength: 200)).required(),
            Field("code", .text(maxLength: 20)),
            Field("parent", .reference("territory")),
            Field("owner", .reference("user")),
            Field("team", .reference("team")),
            Field("postalCodes", .set(of: .text(maxLength: 10))),
            Field("description", .text(maxLength: 2000)),
        ]
    )
}
