/// Why a host probe failed. The CLI turns the run-level ones into exit code 2; probe-level ones
/// are recorded in the snapshot (SA901), never dropped.
public enum HostProbeError: Error, Equatable, Sendable, CustomStringConvertible {
    case badAddress(String)
    /// The daemon needs TLS (client certificates): not supported by the host audit yet.
    case tlsNotSupported(String)
    case connect(String, reason: String)
    /// The request's single deadline passed while waiting for `stage`.
    case timeout(String, stage: String, seconds: Double)
    case io(String, reason: String)
    case malformedResponse(String, reason: String)
    case bodyTooLarge(String, limit: Int)
    case httpStatus(String, status: Int, message: String)
    case unreadable(String, reason: String)

    public var description: String {
        switch self {
        case .badAddress(let address):
            "\(address): not a daemon address (expected unix:///path, /path or tcp://host:port)"
        case .tlsNotSupported(let address):
            "\(address): this daemon needs TLS; auditing a TLS daemon (with client certificates) is not supported yet — run `sockaudit host` on the daemon's machine against its unix socket"
        case .connect(let address, let reason): "cannot connect to \(address): \(reason)"
        case .timeout(let what, let stage, let seconds): "\(what): no answer within \(seconds) s (\(stage))"
        case .io(let what, let reason): "\(what): \(reason)"
        case .malformedResponse(let what, let reason): "\(what): malformed HTTP response (\(reason))"
        case .bodyTooLarge(let what, let limit): "\(what): response body over the \(limit)-byte limit"
        case .httpStatus(let what, let status, let message): "\(what): HTTP \(status)\(message.isEmpty ? "" : ": \(message)")"
        case .unreadable(let path, let reason): "\(path): \(reason)"
        }
    }
}
