import Foundation

/// Reads the files commands take as input (`-` is standard input), with errors that name the file.
enum InputFile {
    /// Input larger than this is refused: the commands reading files hold them in memory.
    static let byteLimit = 64 * 1024 * 1024

    /// The file's bytes.
    static func read(_ path: String) throws -> Data {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard FileManager.default.fileExists(atPath: path) else { throw CLIError("no such file: \(path)", exitCode: 1) }
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw CLIError("cannot read \(path): \(error.localizedDescription)")
            }
        }
        guard data.count <= byteLimit else {
            throw CLIError("\(path) is \(data.count) bytes; at most \(byteLimit) are read", exitCode: 4)
        }
        return data
    }

    /// The file as text: UTF-8 (a byte-order mark is dropped), else ISO 8859-1.
    static func readText(_ path: String) throws -> String {
        var data = try read(path)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        if let text = String(data: data, encoding: .utf8) { return text }
        return String(decoding: data.map { UInt16($0) }, as: UTF16.self)
    }
}
