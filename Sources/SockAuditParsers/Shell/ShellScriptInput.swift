import SockAuditCore

/// Shell scripts: `.sh`, `.bash`, `.zsh`, `.ksh`, or a shebang naming a POSIX-family shell.
public struct ShellScriptInput: TextInput {
    public init() {}

    public let kind = InputKind.shell
    static let extensions: Set<String> = ["sh", "bash", "zsh", "ksh", "dash", "ash"]
    static let shells: Set<String> = ["sh", "bash", "zsh", "ksh", "dash", "ash", "mksh"]

    /// Shell start-up files that export `DOCKER_HOST` as often as scripts do.
    static let names: Set<String> = [".envrc", ".bashrc", ".bash_profile", ".profile", ".zshrc", ".zshenv", ".kshrc"]

    public func claims(_ file: SourceFile) -> Bool {
        Self.extensions.contains(file.pathExtension) || Self.names.contains(file.name) || Self.hasShellShebang(file.bytes)
    }

    /// `#!/bin/sh`, `#!/usr/bin/env bash`, `#!/usr/bin/env -S bash -e`.
    static func hasShellShebang(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: [UInt8(ascii: "#"), UInt8(ascii: "!")]) else { return false }
        let firstLine = bytes.prefix(200).prefix(while: { $0 != UInt8(ascii: "\n") })
        let words = String(decoding: firstLine.dropFirst(2), as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        guard let interpreter = words.first?.split(separator: "/").last.map(String.init) else { return false }
        if interpreter == "env" {
            guard let program = words.dropFirst().first(where: { !$0.hasPrefix("-") }) else { return false }
            return shells.contains(String(program))
        }
        return shells.contains(interpreter)
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        ShellFacts.facts(from: ShellSource(text), path: file.path)
    }
}
