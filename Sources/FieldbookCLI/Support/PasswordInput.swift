import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a password: from a terminal without echo, or from standard input.
enum PasswordInput {
    /// The first line of standard input, without its line break.
    static func readStandardInput() throws -> String {
        guard let line = readLine(strippingNewline: true) else {
            throw CLIError("--password-stdin: standard input is empty", exitCode: 2)
        }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    /// Asks on the terminal with echo off; fails when standard input is no terminal.
    static func prompt(_ text: String) throws -> String {
        guard isatty(STDIN_FILENO) != 0 else {
            throw CLIError("no terminal to ask for the password; pass it with --password-stdin", exitCode: 2)
        }
        FileHandle.standardError.write(Data(text.utf8))
        var original = termios()
        let canHide = tcgetattr(STDIN_FILENO, &original) == 0
        if canHide {
            var silent = original
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        }
        defer {
            if canHide { tcsetattr(STDIN_FILENO, TCSAFLUSH, &original) }
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
