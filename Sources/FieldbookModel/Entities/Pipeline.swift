extension EntitySchema {
    /// A configurable sales pipeline: ordered phases, each with a win probability.
    public static let pipeline = EntitySchema(
        "pipeline", access: .referenceData,
        summary: "A sales pipeline: ordered phases with probabilities.",
        fields: [
            Field("name", .text(maxLength: 200)).required(),
            Field(
                "phases",
                .list([
                    Field("name", .text(maxLength: 100)).required(),
                    Field("probability", .percent).required(),
                    Field("outcome", .enumeration(["open", "won", "lost"])),
                ])
            ).required(),
            Field("isDefault", .bool),
            Field("active", .bool),
        ]
    )
}
