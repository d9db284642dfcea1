extension Workflow {
    /// Recipient status: opting out is final.
    public static let campaignMemberStatus = Workflow([
        "sent": ["bounced", "responded", "opted_out"],
        "bounced": ["sent"],
        "responded": ["opted_out"],
    ])
}

extension EntitySchema {
    /// One recipient of a campaign and what became of it. No status yet
    /// means selected but not sent.
    public static let campaignMember = EntitySchema(
        "campaign_member", access: .customerData,
        summary: "A campaign recipient: sent, bounced, responded or opted out.",
        fields: [
            Field("campaign", .reference("campaign")).required(),
            Field("contact", .reference("contact")).required(),
            Field("account", .reference("account")),
            Field("status", .enumeration(["sent", "bounced", "responded", "opted_out"]))
                .monotonic(.workflow(.campaignMemberStatus)),
            Field("sentAt", .dateTime),
            Field("respondedAt", .dateTime),
            Field("response", .text(maxLength: 2000)),
            Field("resultingLead", .reference("lead")),
            Field("resultingActivity", .reference("activity")),
        ],
        rules: [
            .required(["respondedAt"], when: .oneOf("status", ["responded"]), code: "responded_at_required")
        ]
    )
}
