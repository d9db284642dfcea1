extension EntitySchema {
    /// A catalogue product, usually imported from the ERP; read-only for reps.
    public static let product = EntitySchema(
        "product", access: .referenceData,
        summary: "A catalogue product (ERP import).",
        fields: [
            Field("number", .text(maxLength: 40)).required(),
            Field("name", .text(maxLength: 200)).required(),
            Field("description", .text(maxLength: 4000)),
            Field("unit", .text(maxLength: 10)),
            Field("listPrice", .amount),
            Field("taxRate", .percent),
            Field("productGroup", .text(maxLength: 100)),
            Field("active", .bool),
            Field("erpKey", .text(maxLength: 64)),
        ]
    )
}
