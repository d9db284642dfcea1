import FieldbookSync

/// Builds pull cursors the way the server does (SYNC.md §11.4; the keyless
/// checksum of `CursorChecksum`), so the hostile suite can send well-formed
/// but forged cursors: positions beyond the log, other phases, other epochs.
enum CursorForgery {
    /// `c1.<body>.<tag>` for `replica`, tagged like the default deployment's cursors.
    static func cursor(_ body: String, for replica: String, deployment: String = "fieldbook") -> String {
        let message = Array(deployment.utf8) + [0] + Array("fieldbook-cursor-v1".utf8) + [0] + Array(replica.utf8) + [0]
            + Array(body.utf8)
        let tag = SHA256.hash(message).prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "c1.\(body).\(tag.joined())"
    }
}
