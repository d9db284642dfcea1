extension EntitySchema {
    /// A person at an account; may hold roles at several accounts (`accountRoles`).
    public static let contact = EntitySchema(
        "contact", access: .customerData,
        summary: "A person at an account, with buying-center roles, channels and opt-outs.",
        fields: [
            Field("account", .reference("account")).required(),
            Field("salutation", .enumeration(["mr", "ms", "mx"])),
            Field("title", .text(maxLength: 60)),
            Field("firstName", .text(maxLength: 100)),
            Field("lastName", .text(maxLength: 100)).required(),
            Field("function", .text(maxLength: 100)),
            Field("buyingRole", .enumeration(["decision_maker", "user", "purchaser", "influencer"])),
            Field(
                "accountRoles",
                .list([
                    Field("account", .reference("account")).required(),
                    Field("function", .text(maxLength: 100)),
                    Field("buyingRole", .enumeration(["decision_maker", "user", "purchaser", "influencer"])),
                ])
            ),
            Field("phone", .phone),
            Field("mobile", .phone),
            Field("email", .email),
            Field("street", .text(maxLength: 200)),
            Field("postalCode", .text(maxLength: 20)),
            Field("city", .text(maxLength: 100)),
            Field("country", .text(maxLength: 2)),
            Field("interests", .set(of: .text(maxLength: 100))),
            Field("noMail", .bool),
            Field("noCall", .bool),
            Field("noEmail", .bool),
            Field("birthday", .date),
            Field("owner", .reference("user")),
            Field("sourceLead", .reference("lead")).monotonic(.writeOnce),
            Field("notes", .text(maxLength: 8000)),
        ]
    )
}
