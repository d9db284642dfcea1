import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A raw HTTP call against the server, the way a client in another language
/// would make it: JSON in, status and JSON out.
struct HTTPCall {
    /// The server's base URL.
    var baseURL: String
    /// A bearer token, if signed in.
    var token: String?
    /// The session requests go through (a simulated device may bring its own,
    /// so that many devices do not queue behind one session's connection limit).
    var session: URLSession = .shared

    /// The answer: HTTP status and the parsed JSON body (nil when empty).
    struct Answer {
        var status: Int
        var body: Any?
        var object: [String: Any] { body as? [String: Any] ?? [:] }
    }

    /// Sends `method path` with an optional JSON body.
    func send(_ method: String, _ path: String, json: Any? = nil) async throws -> Answer {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
        }
        let (data, response) = try await session.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let body = data.isEmpty ? nil : try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        return Answer(status: status, body: body)
    }

    /// Signs in over HTTP and returns a call carrying the new token and the login answer.
    static func login(
        _ server: ServerProcess, _ login: String, password: String, replica: String, device: String = "test device"
    ) async throws -> (HTTPCall, [String: Any]) {
        let anonymous = HTTPCall(baseURL: server.baseURL)
        let answer = try await anonymous.send(
            "POST", "/v1/auth/login",
            json: ["login": login, "password": password, "deviceName": device, "replica": replica]
        )
        guard answer.status == 200, let token = answer.object["token"] as? String else {
            throw EndToEndError.unexpected("login \(login): HTTP \(answer.status) \(answer.body ?? "")")
        }
        return (HTTPCall(baseURL: server.baseURL, token: token), answer.object)
    }
}
