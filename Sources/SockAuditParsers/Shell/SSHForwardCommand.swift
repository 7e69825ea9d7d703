import SockAuditCore

/// `ssh -L [bind:]port:/var/run/docker.sock host` and `ssh -R …`: a runtime socket forwarded to a
/// TCP port. Without a bind address ssh listens on loopback (GatewayPorts off), so only an explicit
/// non-loopback bind (`0.0.0.0`, `*`, an empty one, a non-loopback host) or `-g` exposes it.
public enum SSHForwardCommand {
    /// Option letters that take a value.
    static let valued: Set<Character> = ["B", "b", "c", "D", "E", "e", "F", "I", "i", "J", "L", "l", "m", "O", "o", "p", "Q", "R", "S", "W", "w"]

    public static func forwards(_ command: ShellCommand, path: String) -> [SocketForward] {
        guard command.program == "ssh" else { return [] }
        var specs: [(flag: Character, value: String, word: ShellWord)] = []
        var gatewayPorts = false
        var index = 1
        let words = command.words
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.text.hasPrefix("-"), word.text.count > 1 else { break }
            var letters = Substring(word.text.dropFirst())
            while let letter = letters.first {
                letters = letters.dropFirst()
                if letter == "g" { gatewayPorts = true }
                guard valued.contains(letter) else { continue }
                let value: String
                if !letters.isEmpty {
                    value = String(letters)
                } else if index < words.count {
                    value = words[index].text
                    index += 1
                } else {
                    break
                }
                if letter == "o", value.lowercased().replacingEquals.hasPrefix("gatewayports=yes") { gatewayPorts = true }
                if letter == "L" || letter == "R" { specs.append((letter, value, word)) }
                letters = ""
            }
        }
        return specs.compactMap { spec in
            let parts = splitSpec(spec.value)
            guard let target = parts.last, target.hasPrefix("/"), case .socket = HostPath.socketExposure(of: target) else { return nil }
            let listen = parts.dropLast()
            var bind: String?
            switch listen.count {
            case 1: bind = spec.flag == "L" && gatewayPorts ? nil : "127.0.0.1"
            case 2: bind = listen.first!.isEmpty ? "*" : listen.first!
            default: return nil
            }
            return SocketForward(
                listener: Setting(spec.value, at: spec.word.location(in: path), spelling: "ssh -\(spec.flag) \(spec.value)"),
                bindAddress: bind, socket: target, tool: "ssh -\(spec.flag)")
        }
    }

    /// Splits on `:` outside `[…]` (`[::]:2375:/var/run/docker.sock`).
    static func splitSpec(_ spec: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var bracket = false
        for character in spec {
            if character == "[" { bracket = true; continue }
            if character == "]" { bracket = false; continue }
            if character == ":" && !bracket {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}

extension String {
    /// `GatewayPorts yes` and `GatewayPorts=yes` read alike.
    var replacingEquals: String { split(separator: " ").joined(separator: "=") }
}
