extension Lead {
    /// Whether the lead was converted (it links to the opportunity it became;
    /// its status stays `qualified`, which is final).
    public var isConverted: Bool { convertedOpportunity != nil }
}
