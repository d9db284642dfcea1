extension EntitySchema {
    /// A price list with its entries (product, price, minimum quantity,
    /// discount); usually imported from the ERP; read-only for reps.
    public static let priceList = EntitySchema(
        "price_list", access: .referenceData,
        summary: "Prices and discounts per product for a period (ERP import).",
        fields: [
            Field("name", .text(maxLength: 200)).required(),
            Field("customerGroup", .text(maxLength: 100)),
            Field("validFrom", .date),
            Field("validUntil", .date),
            Field("active", .bool),
            Field(
                "entries",
                .list([
                    Field("product", .reference("product")).required(),
                    Field("price", .amount).required(),
                    Field("minQuantity", .quantity),
                    Field("discountPercent", .percent),
                ])
            ),
            Field("erpKey", .text(maxLength: 64)),
        ],
        rules: [
            .ordered("validFrom", before: "validUntil", strictly: false, code: "validity_ends_before_start")
        ]
    )
}
