import SockAuditCore

/// `socat TCP-LISTEN:2375,fork UNIX-CONNECT:/var/run/docker.sock` (either order, any options): a
/// runtime socket relayed to a TCP listener. `bind=` on the listener is its address.
public enum SocatCommand {
    static let listenTypes: Set<String> = ["tcp-listen", "tcp4-listen", "tcp6-listen", "tcp-l", "tcp4-l", "tcp6-l"]
    static let unixTypes: Set<String> = ["unix-connect", "unix-client", "unix"]

    public static func forwards(_ command: ShellCommand, path: String) -> [SocketForward] {
        guard command.program == "socat" else { return [] }
        var addresses: [ShellWord] = []
        var index = 1
        let words = command.words
        while index < words.count {
            let text = words[index].text
            index += 1
            if text.hasPrefix("-") && text.count > 1 {
                if ["-lf", "-lp", "-T", "-b"].contains(text) { index += 1 }
                continue
            }
            addresses.append(words[index - 1])
        }
        guard addresses.count >= 2 else { return [] }
        let pair = Array(addresses.prefix(2))
        guard let listener = pair.first(where: { listenTypes.contains(type(of: $0.text)) }),
              let unix = pair.first(where: { unixTypes.contains(type(of: $0.text)) }) else { return [] }
        let socketPath = fields(of: unix.text).first ?? ""
        guard case .socket = HostPath.socketExposure(of: socketPath) else { return [] }
        var bind: String?
        for option in fields(of: listener.text).dropFirst() where option.lowercased().hasPrefix("bind=") {
            bind = String(option.dropFirst(5))
        }
        return [SocketForward(listener: listener.setting(in: path), bindAddress: bind, socket: socketPath, tool: "socat")]
    }

    /// `TCP-LISTEN:2375,fork` -> `tcp-listen`.
    static func type(of address: String) -> String {
        (address.split(separator: ":", maxSplits: 1).first.map(String.init) ?? address).lowercased()
    }

    /// The address's parameter and its options: `TCP-LISTEN:2375,fork` -> [2375, fork].
    static func fields(of address: String) -> [String] {
        guard let colon = address.firstIndex(of: ":") else { return [] }
        return address[address.index(after: colon)...].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
}
