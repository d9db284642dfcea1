import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// A server started in-process by ``FieldbookServerApp/start(configuration:services:)``:
/// tests and benchmarks learn its port and stop it.
///
/// ```swift
/// var configuration = FieldbookServerConfiguration(port: 0, dataDirectory: directory)
/// let server = try await FieldbookServerApp.start(configuration: configuration, services: services)
/// let url = server.baseURL   // http://127.0.0.1:<port>
/// await server.stop()
/// ```
public final class RunningFieldbookServer: Sendable {
    /// The port the socket is bound to (the real one when the configuration asked for 0).
    public let port: Int
    /// The configured host.
    public let host: String
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(port: Int, host: String, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.host = host
        self.group = group
        self.task = task
    }

    /// `http://host:port` (IPv6 hosts in brackets).
    public var baseURL: URL {
        let authority = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        return URL(string: "http://\(authority)") ?? URL(string: "http://127.0.0.1:\(port)")!
    }

    /// Shuts down gracefully, as on SIGTERM: stops accepting connections,
    /// lets requests in flight finish, then waits until the server has stopped.
    /// Returns the error the server stopped with, if any. Does not close the services' store.
    @discardableResult
    public func stop() async -> (any Error)? {
        await group.triggerGracefulShutdown()
        if case .failure(let error) = await task.result { return error }
        return nil
    }

    /// Stops at once: cancels requests in flight.
    @discardableResult
    public func cancel() async -> (any Error)? {
        task.cancel()
        if case .failure(let error) = await task.result { return error }
        return nil
    }
}

extension FieldbookServerApp {
    /// Builds the application and runs it in a background task; returns once
    /// the socket is bound.
    /// - Throws: ``ServerStartupError`` when the server stopped before binding
    ///   (e.g. the port is taken).
    public static func start(
        configuration: FieldbookServerConfiguration, services: ServerServices
    ) async throws -> RunningFieldbookServer {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = build(configuration: configuration, services: services) { port in
            continuation.yield(port)
            continuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [app], logger: services.logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            let reason: String
            if case .failure(let error) = await task.result { reason = "\(error)" } else { reason = "it stopped" }
            throw ServerStartupError(step: "listen on \(configuration.host):\(configuration.port)", underlying: reason)
        }
        return RunningFieldbookServer(port: port, host: configuration.host, group: group, task: task)
    }
}
