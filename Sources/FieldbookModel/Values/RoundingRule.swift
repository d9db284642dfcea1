/// How exact decimal results are rounded to a target scale.
///
/// Fieldbook rounds money **half up** (``halfUp``: ties away from zero,
/// "kaufmännisches Runden" as German invoices and DIN 1333 expect) unless a
/// caller asks otherwise. ``halfEven`` (banker's rounding) is available for
/// statistics where tie bias would accumulate.
///
/// | exact     | halfUp | halfEven |
/// |-----------|--------|----------|
/// | `0.125`   | `0.13` | `0.12`   |
/// | `0.135`   | `0.14` | `0.14`   |
/// | `-0.125`  | `-0.13`| `-0.12`  |
public enum RoundingRule: String, Hashable, Sendable, CaseIterable {
    /// Round to nearest; ties away from zero (commercial rounding). The default.
    case halfUp
    /// Round to nearest; ties to the even neighbour (banker's rounding).
    case halfEven
}
