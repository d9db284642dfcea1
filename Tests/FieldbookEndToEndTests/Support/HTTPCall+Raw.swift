import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension HTTPCall {
    /// Sends `body` exactly as given (broken JSON, compressed bytes, …) with
    /// `headers`; Content-Type defaults to JSON.
    func send(_ method: String, _ path: String, body: Data?, headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        request.timeoutInterval = 120
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let parsed = data.isEmpty ? nil : try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        return Answer(status: status, body: parsed)
    }

    /// The same call with another bearer token (nil: none).
    func with(token: String?) -> HTTPCall {
        HTTPCall(baseURL: baseURL, token: token, session: session)
    }
}
