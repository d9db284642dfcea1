extension EntitySchema {
    /// A competitor and what reps observed of it.
    public static let competitor = EntitySchema(
        "competitor", access: .sharedData,
        summary: "A competitor with observed activities.",
        fields: [
            Field("name", .text(maxLength: 200)).required(),
            Field("website", .text(maxLength: 200)),
            Field("products", .text(maxLength: 4000)),
            Field("strengths", .text(maxLength: 4000)),
            Field("weaknesses", .text(maxLength: 4000)),
            Field(
                "observations",
                .list([
                    Field("date", .date).required(),
                    Field("note", .text(maxLength: 2000)).required(),
                    Field("account", .reference("account")),
                    Field("opportunity", .reference("opportunity")),
                    Field("observedBy", .reference("user")),
                ])
            ),
            Field("notes", .text(maxLength: 8000)),
        ]
    )
}
