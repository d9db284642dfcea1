/// `fieldbook-bench all [--quick]`: every figure of the performance issue in
/// one run, in order — (1) local writes, (2) initial sync, (3) merge,
/// (4) A → B, (5) push concurrency, (6) metadata, (7) wire bytes — each
/// printed with its same-run baseline and ratio, as its own command prints it.
///
/// `--quick` shrinks the sizes (10,000-record sync, 100,000-record store,
/// 5 s of pushing) so a run takes a few minutes instead of a quarter hour;
/// the figures in the README come from the full sizes.
enum BenchSuite {
    /// The argument lists of the commands `all` runs.
    static func commands(quick: Bool) -> [[String]] {
        if quick {
            return [
                ["local-writes", "--writes", "500", "--batch", "5000"],
                ["initial-sync", "--records", "10000"],
                ["merge"],
                ["a-to-b", "--records", "100000", "--rounds", "50"],
                ["push-concurrency", "--seconds", "5"],
                ["metadata", "--records", "5000", "--edits", "1000"],
                ["wire", "--records", "2000", "--edits", "2000"],
            ]
        }
        return [["local-writes"], ["initial-sync"], ["merge"], ["a-to-b"], ["push-concurrency"], ["metadata"], ["wire"]]
    }

    /// Usage lines for `all`.
    static let usage = """

        all benchmarks in one run (the seven figures of the performance issue, in order):
               fieldbook-bench all [--quick]
          --quick  smaller sizes (minutes instead of a quarter hour); the README's figures use the full sizes
        """
}
