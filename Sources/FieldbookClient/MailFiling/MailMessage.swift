import FieldbookModel
import Foundation

/// An RFC 5322 message as Fieldbook files it: who, when, what about, and the readable text.
///
/// ```swift
/// let message = try MailMessage(parsing: Data(contentsOf: url))
/// print(message.subject, message.from, message.text)
/// ```
public struct MailMessage: Sendable, Hashable {
    /// `From` (usually one mailbox).
    public var from: [MailAddress]
    /// `To`.
    public var to: [MailAddress]
    /// `Cc`.
    public var cc: [MailAddress]
    /// `Subject`, decoded; empty when absent.
    public var subject: String
    /// `Date` in UTC, nil when absent or unreadable.
    public var date: UTCDateTime?
    /// `Message-ID` without angle brackets, nil when absent.
    public var messageID: String?
    /// The body as text: the first `text/plain` part, else the first `text/html`
    /// part with its markup removed; transfer encoding and charset decoded.
    public var text: String

    /// Messages larger than this are refused (mail with large attachments is
    /// filed by its text, but must still fit in memory).
    public static let byteLimit = 50 * 1024 * 1024

    /// Parses a message (`.eml`: headers, an empty line, the body; MIME multipart nested up to 10 levels).
    /// - Throws: ``MailParseError`` when the input has no headers or is too large.
    public init(parsing data: Data) throws(MailParseError) {
        guard data.count <= Self.byteLimit else { throw .tooLarge(bytes: data.count, limit: Self.byteLimit) }
        let entity = MIMEEntity(bytes: Array(data))
        guard entity.headers.contains(where: { ["from", "to", "subject", "date"].contains($0.name) }) else {
            throw .noHeaders
        }
        from = MailAddress.list(entity.header("from") ?? "")
        to = MailAddress.list(entity.header("to") ?? "")
        cc = MailAddress.list(entity.header("cc") ?? "")
        subject = EncodedWords.decode(entity.header("subject") ?? "").trimmingWhitespace
        date = entity.header("date").flatMap(MailDate.parse)
        messageID = entity.header("message-id").map {
            $0.trimmingWhitespace.trimmingCharacters("<").trimmingCharacters(">")
        }.flatMap { $0.isEmpty ? nil : $0 }
        text = entity.readableText(depth: 0) ?? ""
    }
}

/// Why a message could not be read.
public enum MailParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No From, To, Subject or Date header: not an RFC 5322 message.
    case noHeaders
    /// Larger than ``MailMessage/byteLimit``.
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .noHeaders: "not an e-mail message (no From, To, Subject or Date header)"
        case .tooLarge(let bytes, let limit): "the message has \(bytes) bytes; at most \(limit) are read"
        }
    }
}
