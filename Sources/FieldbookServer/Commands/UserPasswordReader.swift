import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a new user's password: the first line of stdin, or a prompt on the
/// terminal with echo off (asked twice). Checks length before any work.
enum UserPasswordReader {
    static func read(fromStdin: Bool, confirm: Bool) throws -> String {
        let password: String
        if fromStdin {
            guard let line = readLine(strippingNewline: true) else {
                throw ValidationError("--password-stdin: stdin is empty")
            }
            password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        } else {
            guard isatty(STDIN_FILENO) == 1 else {
                throw ValidationError("no terminal to prompt for the password; use --password-stdin")
            }
            password = try prompt("Password: ")
            if confirm, try prompt("Repeat password: ") != password {
                throw ValidationError("the passwords differ")
            }
        }
        do {
            try PasswordHasher.check(newPassword: password)
        } catch {
            throw ValidationError(error.message)
        }
        return password
    }

    /// Prompts on stderr and reads a line from the terminal without echo.
    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw ValidationError("cannot read the terminal's settings") }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw ValidationError("no password entered") }
        return line
    }
}
