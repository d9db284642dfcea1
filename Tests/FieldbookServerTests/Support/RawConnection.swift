import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain TCP connection to 127.0.0.1 for requests URLSession cannot send
/// (half-sent bodies, idle connections).
final class RawConnection: @unchecked Sendable {
    private let socketFD: Int32

    init(port: Int) throws {
        #if canImport(Glibc)
        socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socketFD = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socketFD >= 0 else { throw RawConnectionError.failed("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socketFD)
            throw RawConnectionError.failed("connect")
        }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(socketFD) }

    func write(_ text: String) throws {
        try write(bytes: Array(text.utf8)[...])
    }

    func write(bytes: ArraySlice<UInt8>) throws {
        let sent = bytes.withUnsafeBytes { send(socketFD, $0.baseAddress, $0.count, 0) }
        guard sent == bytes.count else { throw RawConnectionError.failed("send") }
    }

    /// Everything the server sends until it closes the connection (or 20 s pass).
    /// Blocks a dispatch thread, not one of the (few) concurrency threads the server needs.
    func readUntilClosed() async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.blockingRead()) }
        }
    }

    private func blockingRead() -> String {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socketFD, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: received, as: UTF8.self)
    }
}

enum RawConnectionError: Error {
    case failed(String)
}
