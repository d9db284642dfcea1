import CompressNIO
import Foundation
import NIOCore

/// Compresses test bodies the way clients do.
enum TestCompression {
    static func gzip(_ data: Data) throws -> Data { try compress(data, .gzip()) }
    /// HTTP `deflate`: the zlib format.
    static func deflate(_ data: Data) throws -> Data { try compress(data, .zlib()) }

    static func compress(_ data: Data, _ algorithm: CompressionAlgorithm) throws -> Data {
        var buffer = ByteBuffer(bytes: data)
        let compressed = try buffer.compress(with: algorithm)
        return Data(compressed.readableBytesView)
    }

    static func gunzip(_ data: Data) throws -> Data {
        var buffer = ByteBuffer(bytes: data)
        return Data(try buffer.decompress(with: .gzip()).readableBytesView)
    }
}
