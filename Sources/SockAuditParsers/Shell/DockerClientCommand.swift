import SockAuditCore

/// A Docker client pointed at a daemon: `docker -H tcp://…` / `--host`, and `DOCKER_HOST=tcp://…`
/// assigned, exported or given to one command. `--tlsverify`/`--tls` on the command, or
/// `DOCKER_TLS_VERIFY` set in the same script, means TLS.
public enum DockerClientCommand {
    public static func clients(_ command: ShellCommand, path: String, tlsVerifySet: Bool) -> [ClientEndpoint] {
        var clients: [ClientEndpoint] = []
        var tls = tlsVerifySet || command.assignments.contains { $0.name == "DOCKER_TLS_VERIFY" && isTrue($0.value) }
        for assignment in command.assignments where assignment.name == "DOCKER_HOST" && !assignment.value.isEmpty {
            clients.append(ClientEndpoint(
                address: Setting(assignment.value, at: assignment.word.location(in: path), spelling: assignment.word.text),
                usesTLS: tls, subject: "DOCKER_HOST"))
        }
        guard let first = command.words.first, first.basename == "docker" else { return clients }
        var hosts: [(ShellWord, String, String)] = []
        var index = 1
        let words = command.words
        while index < words.count, words[index].text.hasPrefix("-") {
            let word = words[index]
            index += 1
            let text = word.text
            if text == "--tls" || text == "--tlsverify" || text.hasPrefix("--tlsverify=true") || text == "--tls=true" {
                tls = true
            } else if text == "-H" || text == "--host" {
                if index < words.count {
                    hosts.append((word, words[index].text, "\(text) \(words[index].text)"))
                    index += 1
                }
            } else if text.hasPrefix("--host=") || text.hasPrefix("-H="), let equals = text.firstIndex(of: "=") {
                // `-H=` with nothing after it names no daemon (splitting on "=" left no second part: a crash).
                let address = String(text[text.index(after: equals)...])
                if !address.isEmpty { hosts.append((word, address, text)) }
            } else if text.hasPrefix("-H"), text.count > 2 {
                hosts.append((word, String(text.dropFirst(2)), text))
            } else if DockerRunCommand.globalValued.contains(text) {
                index += 1
            }
        }
        for (word, address, spelling) in hosts {
            clients.append(ClientEndpoint(
                address: Setting(address, at: word.location(in: path), spelling: spelling), usesTLS: tls,
                subject: "docker client"))
        }
        return clients
    }

    static func isTrue(_ value: String) -> Bool {
        !value.isEmpty && value != "0" && value.lowercased() != "false"
    }
}
