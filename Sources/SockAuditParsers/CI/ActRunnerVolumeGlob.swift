import SockAuditCore

/// An item of act_runner's `container.valid_volumes`: a host path or volume name that any workflow
/// the runner takes may mount into its containers, written as a glob (Gitea's runner matches with
/// doublestar: `*` and `?` within one path segment, `**` across segments, `[…]` a class). An item that
/// is a host path (a runtime socket, `/etc`), or a glob that lets a socket through (`'**'`,
/// `/var/run/*`), is a mount any workflow may make, so it is judged as that mount.
enum ActRunnerVolumeGlob {
    /// The sockets a glob is tried on: the standard places of each runtime's socket.
    static let socketPaths = [
        "/var/run/docker.sock", "/run/docker.sock", "/run/containerd/containerd.sock", "/run/podman/podman.sock",
        "/var/run/crio/crio.sock",
    ]

    static func mount(allowedBy item: Node, path: String) -> HostMount? {
        guard let text = item.string?.trimming(" \t"), !text.isEmpty else { return nil }
        if !isGlob(text) {
            // a host path (not a volume name): the rules judge it as a mount any workflow may make
            guard text.hasPrefix("/") || HostPath.socketExposure(of: text) != nil else { return nil }
            return HostMount(
                source: text, target: nil, readOnly: false, location: item.location(in: path),
                spelling: "container.valid_volumes: \(text) (any workflow the runner takes may mount it)")
        }
        // a glob longer than any path is written by no one; the recursion below stays shallow
        guard text.unicodeScalars.count <= 1024, let socket = socketPaths.first(where: { matches(text, $0) }) else { return nil }
        return HostMount(
            source: socket, target: nil, readOnly: false, location: item.location(in: path),
            spelling: "container.valid_volumes: '\(text)' (a glob that lets any workflow the runner takes mount any host path it matches, \(socket) among them)")
    }

    static func isGlob(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// Doublestar matching of a whole path; a class that is not closed matches nothing. Each
    /// (pattern, path) position is decided once, so a pattern of many stars stays linear in each.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let pattern = Array(pattern.unicodeScalars)
        let path = Array(path.unicodeScalars)
        var memo: [Int: Bool] = [:]
        func match(_ p: Int, _ s: Int) -> Bool {
            let key = p * (path.count + 1) + s
            if let known = memo[key] { return known }
            let result = step(p, s)
            memo[key] = result
            return result
        }
        func step(_ p: Int, _ s: Int) -> Bool {
            guard p < pattern.count else { return s == path.count }
            switch pattern[p] {
            case "*" where p + 1 < pattern.count && pattern[p + 1] == "*":
                // `**` matches any run of characters, separators included
                return match(p + 2, s) || (s < path.count && match(p, s + 1))
            case "*":
                return match(p + 1, s) || (s < path.count && path[s] != "/" && match(p, s + 1))
            case "?":
                return s < path.count && path[s] != "/" && match(p + 1, s + 1)
            case "[":
                guard s < path.count, path[s] != "/", let close = pattern[(p + 1)...].firstIndex(of: "]") else { return false }
                var index = p + 1
                let negated = pattern[index] == "!" || pattern[index] == "^"
                if negated { index += 1 }
                var inClass = false
                while index < close {
                    if index + 2 < close, pattern[index + 1] == "-" {
                        inClass = inClass || (pattern[index].value <= path[s].value && path[s].value <= pattern[index + 2].value)
                        index += 3
                    } else {
                        inClass = inClass || pattern[index] == path[s]
                        index += 1
                    }
                }
                return inClass != negated && match(close + 1, s + 1)
            default:
                return s < path.count && path[s] == pattern[p] && match(p + 1, s + 1)
            }
        }
        return match(0, 0)
    }
}
