import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension FileHandle {
    /// Reads until end of file, retrying reads that a signal interrupted.
    ///
    /// Foundation's `readDataToEndOfFile()` traps when `read` fails with
    /// EINTR, which signals around the tests' child processes can cause; a
    /// trap would end the whole test run.
    public func readToEndRetryingInterrupts() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let descriptor = fileDescriptor
        while true {
            #if canImport(Glibc)
                let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            #else
                let count = buffer.withUnsafeMutableBytes { Darwin.read(descriptor, $0.baseAddress, $0.count) }
            #endif
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return data
            }
        }
    }
}
