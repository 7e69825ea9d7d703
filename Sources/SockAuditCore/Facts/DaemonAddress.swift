/// Reading Docker daemon addresses (`tcp://0.0.0.0:2375`, `0.0.0.0:2375`, `unix:///…`, `fd://`).
public enum DaemonAddress {
    /// The host part of a TCP address, or nil when the address is not TCP. dockerd reads a bare
    /// `HOST:PORT` (or `:2375`) as TCP.
    public static func tcpHost(_ raw: String) -> String? {
        let address = raw.trimming(" \"'")
        let lower = address.lowercased()
        if lower.hasPrefix("tcp://") {
            return hostPart(String(address.dropFirst("tcp://".count)))
        }
        if lower.contains("://") || address.hasPrefix("/") || address.isEmpty { return nil }
        guard address.contains(":") else { return nil }
        return hostPart(address)
    }

    private static func hostPart(_ rest: String) -> String {
        let authority = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? rest
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<close])
        }
        let host = authority.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return host.isEmpty ? "0.0.0.0" : host
    }
}
