extension EntitySchema {
    /// An organisation: customer, prospect, partner, competitor or supplier;
    /// the hub of the 360° view.
    public static let account = EntitySchema(
        "account", access: .customerData,
        summary: "An organisation: customer, prospect, partner, competitor or supplier.",
        fields: [
            Field("name", .text(maxLength: 200)).required(),
            Field("number", .text(maxLength: 40)),
            Field("roles", .set(of: .enumeration(["customer", "prospect", "partner", "competitor", "supplier"]))),
            Field("status", .enumeration(["active", "inactive"])),
            Field("industry", .text(maxLength: 100)),
            // ABC class (Pareto by revenue share) and the care interval it implies are set by the office.
            Field("abcClass", .enumeration(["A", "B", "C"])).writable(by: Role.backOffice.union([.manager])),
            Field("careIntervalDays", .integer(1...3650)).writable(by: Role.backOffice.union([.manager])),
            Field("lastVisitDate", .date),
            Field("owner", .reference("user")),
            Field("territory", .reference("territory")),
            Field("parent", .reference("account")),
            Field("competitors", .set(of: .reference("competitor"))),
            Field("interests", .set(of: .text(maxLength: 100))),
            Field("phone", .phone),
            Field("email", .email),
            Field("website", .text(maxLength: 200)),
            Field(
                "addresses",
                .list([
                    Field("kind", .enumeration(["billing", "shipping", "visiting", "postal"])).required(),
                    Field("street", .text(maxLength: 200)),
                    Field("postalCode", .text(maxLength: 20)),
                    Field("city", .text(maxLength: 100)),
                    Field("country", .text(maxLength: 2)),
                ])
            ),
            Field("sourceLead", .reference("lead")).monotonic(.writeOnce),
            Field("notes", .text(maxLength: 8000)),
        ]
    )
}
