import FieldbookTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small real HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for tests
/// of HTTP clients: one thread per connection, `Connection: close`, bodies
/// by `Content-Length`. Each request goes to an async handler, run on a
/// thread of its own (``DedicatedThreadExecutor``) so that tests blocking
/// the cooperative pool cannot starve it; every request is recorded for
/// assertions.
///
/// The listening socket is closed by the accept thread itself when it ends:
/// closing it from `stop()` would let the number be reused (by another
/// test's socket or database file) while the accept thread still uses it.
final class SyncLoopbackServer: @unchecked Sendable {
    /// A received request; header names are lowercased.
    struct Request: Sendable {
        var method: String
        var path: String
        var headers: [String: String]
        var body: Data
    }

    /// An answer.
    struct Response: Sendable {
        var status: Int
        var body: Data
        /// Extra response headers, e.g. `Content-Encoding`.
        var headers: [String: String] = [:]
        init(status: Int, body: Data = Data(), headers: [String: String] = [:]) {
            self.status = status
            self.body = body
            self.headers = headers
        }
        init(status: Int, json: String) { self.init(status: status, body: Data(json.utf8)) }
    }

    typealias Handler = @Sendable (Request) async -> Response
    /// A handler that needs no task: for tests whose threads block (waiting
    /// for a child process), which can starve the cooperative thread pool.
    typealias BlockingHandler = @Sendable (Request) -> Response

    /// The port the server listens on.
    let port: UInt16
    /// `http://127.0.0.1:<port>`.
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private let listener: Int32
    private let handler: Handler?
    private let blockingHandler: BlockingHandler?
    private let lock = NSLock()
    private var received: [Request] = []
    private var stopped = false

    /// A server answering from a handler run on a separate thread, without tasks.
    convenience init(blocking handler: @escaping BlockingHandler) throws {
        try self.init(handler: nil, blocking: handler)
    }

    /// A server answering each request from an async `handler` (e.g. a `SyncService`).
    convenience init(handler: @escaping Handler) throws {
        try self.init(handler: handler, blocking: nil)
    }

    private init(handler: Handler?, blocking: BlockingHandler?) throws {
        self.handler = handler
        self.blockingHandler = blocking
        let fd = socket(AF_INET, Self.streamType, 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Every request received so far.
    var requests: [Request] { lock.withLock { received } }

    /// Stops accepting connections (idempotent). Wakes the accept thread,
    /// which closes the socket.
    func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        if first { shutdown(listener, Int32(SHUT_RDWR)) }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    #if canImport(Glibc) || canImport(Musl)
        private static let streamType = Int32(SOCK_STREAM.rawValue)
    #else
        private static let streamType = SOCK_STREAM
    #endif

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR && !isStopped { continue }
                return
            }
            if isStopped {
                close(client)
                return
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        let separator = Data("\r\n\r\n".utf8)
        while buffer.range(of: separator) == nil {
            let count = recv(client, &chunk, chunk.count, 0)
            guard count > 0 else { return }
            buffer.append(contentsOf: chunk[0..<count])
        }
        let split = buffer.range(of: separator)!
        let head = String(decoding: buffer[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        var body = Data(buffer[split.upperBound...])
        let requestLine = head.first?.split(separator: " ") ?? []
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if headers["expect"]?.lowercased() == "100-continue" { transmit(Data("HTTP/1.1 100 Continue\r\n\r\n".utf8), to: client) }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < length {
            let count = recv(client, &chunk, chunk.count, 0)
            guard count > 0 else { return }
            body.append(contentsOf: chunk[0..<count])
        }
        let request = Request(
            method: requestLine.first.map(String.init) ?? "", path: requestLine.dropFirst().first.map(String.init) ?? "",
            headers: headers, body: body
        )
        lock.withLock { received.append(request) }
        let answer = AnswerBox()
        if let blockingHandler {
            answer.response = blockingHandler(request)
        } else if let handler {
            let done = DispatchSemaphore(value: 0)
            Task(executorPreference: DedicatedThreadExecutor.shared) {
                answer.response = await handler(request)
                done.signal()
            }
            done.wait()
        }
        let response = answer.response ?? Response(status: 500)
        var text = "HTTP/1.1 \(response.status) \(response.status < 300 ? "OK" : "Error")\r\n"
        text += "Content-Type: application/json\r\nContent-Length: \(response.body.count)\r\nConnection: close\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        transmit(Data(text.utf8) + response.body, to: client)
    }

    private func transmit(_ data: Data, to client: Int32) {
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                #if canImport(Darwin)
                    let sent = send(client, bytes.baseAddress! + offset, bytes.count - offset, 0)
                #else
                    let sent = send(client, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                #endif
                guard sent > 0 else { return }
                offset += sent
            }
        }
    }

    private final class AnswerBox: @unchecked Sendable {
        var response: Response?
    }
}
