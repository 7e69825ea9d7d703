import Foundation

/// The CLI's only access to standard output and error.
enum Terminal {
    static func isTTY(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// A terminal that understands escape sequences: not `TERM=dumb` (Emacs shells, some CI logs).
    static func allowsEscapes(_ environment: [String: String]) -> Bool {
        environment["TERM"] != "dumb"
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
