import SockAuditCore

/// A Compose project as `docker compose` assembles it: the file's services, the services of the
/// files it `include:`s, each service layered over what it `extends` (in the same file or another).
/// Other files are read through a loader, so tests and examples can supply them in memory; cycles
/// and broken references are problems (SA901) at the line that causes them, never loops.
public struct ComposeProject {
    /// Reads a file by path as the scanner reports paths (relative to the working directory, or
    /// absolute); nil when it cannot be read.
    public typealias Loader = (String) -> String?

    /// The services, in file order, each with its layers.
    var services: [Service] = []
    /// What kept a part of the project from being read: a file that is missing or broken, a cycle.
    public var problems: [UnscannableFile] = []

    /// A service's own mapping and the file it is written in; a service is a list of layers, the
    /// base it extends first.
    struct Layer {
        var node: Node
        var path: String
        var variables: [String: String]
    }

    /// A service to read: where its key is, and its layers.
    struct Service {
        var name: String
        var key: Node
        var path: String
        var layers: [Layer]
        /// The file's top level, for its named volumes.
        var file: Node
    }

    /// Loads a project from the documents of the file being scanned.
    public static func load(
        documents: [Node], path: String, variables: [String: String], loader: @escaping Loader
    ) -> ComposeProject {
        var state = LoadState(loader: loader)
        var project = ComposeProject()
        // The file itself, for an `extends: {file: …}` that comes back to it.
        state.files[path] = .some(documents.first { ComposeFile.isCompose($0, namedAsCompose: true) })
        for document in documents where ComposeFile.isCompose(document, namedAsCompose: true) {
            project.services += state.services(of: document, path: path, variables: variables, includeChain: [path])
        }
        project.problems = state.problems
        return project
    }
}

/// Problems found while reading, collected as they come.
final class Diagnostics {
    var problems: [UnscannableFile] = []

    func report(_ message: String, at node: Node, in path: String, columnOffset: Int = 0) {
        problems.append(UnscannableFile(
            location: SourceLocation(path: path, line: node.line, column: node.column + columnOffset), reason: message,
            extent: .part))
    }
}

/// Files read so far and problems met, while assembling a project.
struct LoadState {
    let loader: ComposeProject.Loader
    var files: [String: Node?] = [:]
    var problems: [UnscannableFile] = []
    /// Each file's services by name, built once: looking a base up by scanning the mapping made a
    /// long extends chain cubic.
    var servicesByFile: [String: [String: Node]] = [:]

    /// Real chains are a few levels; each service carries its whole chain, so depth is capped.
    static let maxExtendsDepth = 32

    init(loader: @escaping ComposeProject.Loader) {
        self.loader = loader
    }

    mutating func report(_ message: String, at node: Node, in path: String) {
        problems.append(UnscannableFile(location: node.location(in: path), reason: message, extent: .part))
    }

    /// The Compose document of another file, parsed once; nil (and a problem at `reference`) when
    /// it cannot be read or parsed.
    mutating func file(_ path: String, referencedBy reference: Node, in referrer: String, as what: String) -> Node? {
        if let cached = files[path] { return cached }
        guard let text = loader(path) else {
            report("\(what) \(path) could not be read (missing, unreadable, or outside the scanned folders)", at: reference, in: referrer)
            files[path] = .some(nil)
            return nil
        }
        let parsed = YAMLParser.parse(text)
        if let error = parsed.error {
            problems.append(UnscannableFile(error.in(path)))
        }
        let document = parsed.documents.first { $0.isMapping }
        if document == nil, parsed.error == nil {
            report("\(what) \(path) holds no Compose document", at: reference, in: referrer)
        }
        files[path] = .some(document)
        return document
    }

    /// The services of one file and of the files it includes.
    mutating func services(of document: Node, path: String, variables: [String: String], includeChain: [String]) -> [ComposeProject.Service] {
        var result: [ComposeProject.Service] = []
        for entry in document["include"]?.sequence ?? [] {
            for (pathNode, envNode) in includePaths(entry) {
                guard let relative = interpolated(pathNode, path, variables) else { continue }
                if ComposePath.isRemote(relative) {
                    report(
                        "include \(relative) is remote (an OCI artifact or a Git repository): sockaudit does not fetch it, so the services it adds are not judged; scan its source or a local copy",
                        at: pathNode, in: path)
                    continue
                }
                let included = ComposePath.join(ComposePath.folder(of: path), relative)
                if includeChain.contains(included) {
                    let cycle = (includeChain + [included]).joined(separator: " -> ")
                    report("include cycle: \(cycle)", at: pathNode, in: path)
                    continue
                }
                guard let other = file(included, referencedBy: pathNode, in: path, as: "included file") else { continue }
                var includedVariables = variables
                let envFiles = envNode.map { ($0.sequence ?? [$0]).compactMap { interpolated($0, path, variables) } }
                    ?? [".env"]
                for envFile in envFiles {
                    let base = envNode == nil ? ComposePath.folder(of: included) : ComposePath.folder(of: path)
                    if let text = loader(ComposePath.join(base, envFile)) {
                        includedVariables = ComposeEnvFile.parse(text, inheriting: includedVariables)
                    }
                }
                result += services(of: other, path: included, variables: includedVariables, includeChain: includeChain + [included])
            }
        }
        for pair in document["services"]?.pairs ?? [] {
            guard let name = pair.key.string else { continue }
            guard pair.value.isMapping else {
                // compose-go still loads the other services; they are judged, this one is named.
                report(
                    "service \"\(name)\" is \(ComposeFile.shapeName(pair.value)), not a mapping of settings, so it is not judged; the other services are",
                    at: pair.key, in: path)
                continue
            }
            let layers = self.layers(name: name, node: pair.value, path: path, file: document, variables: variables, chain: ["\(path): \(name)"])
            result.append(ComposeProject.Service(name: name, key: pair.key, path: path, layers: layers, file: document))
        }
        return result
    }

    /// `include: [a.yml, {path: b.yml, env_file: ...}, {path: [c.yml, d.yml]}]`.
    private func includePaths(_ entry: Node) -> [(Node, Node?)] {
        if entry.scalar != nil { return [(entry, nil)] }
        guard let pathNode = entry["path"] else { return [] }
        let paths = pathNode.sequence ?? [pathNode]
        return paths.filter { $0.scalar != nil }.map { ($0, entry["env_file"]) }
    }

    /// A service's layers: what it extends (recursively), then itself.
    mutating func layers(
        name: String, node: Node, path: String, file: Node, variables: [String: String], chain: [String]
    ) -> [ComposeProject.Layer] {
        let own = ComposeProject.Layer(node: node, path: path, variables: variables)
        guard let extends = node["extends"] else { return [own] }
        let serviceNode = extends.scalar != nil ? extends : extends["service"]
        guard let serviceNode, let baseName = interpolated(serviceNode, path, variables) else { return [own] }
        var basePath = path
        var baseFile = file
        if let fileNode = extends["file"], let relative = interpolated(fileNode, path, variables) {
            basePath = ComposePath.join(ComposePath.folder(of: path), relative)
            if basePath != path {
                guard let other = self.file(basePath, referencedBy: fileNode, in: path, as: "extended file") else { return [own] }
                baseFile = other
            }
        }
        let link = "\(basePath): \(baseName)"
        if chain.contains(link) {
            report("extends cycle: \((chain + [link]).joined(separator: " -> "))", at: serviceNode, in: path)
            return [own]
        }
        if chain.count >= Self.maxExtendsDepth {
            report("extends chain deeper than \(Self.maxExtendsDepth) levels: \(baseName) and what it extends are not read", at: serviceNode, in: path)
            return [own]
        }
        guard let base = service(baseName, in: baseFile, path: basePath), base.isMapping else {
            report("extends service \"\(baseName)\", which \(basePath) does not define", at: serviceNode, in: path)
            return [own]
        }
        return layers(name: baseName, node: base, path: basePath, file: baseFile, variables: variables, chain: chain + [link]) + [own]
    }

    private mutating func service(_ name: String, in file: Node, path: String) -> Node? {
        // A file may hold several Compose documents: each is known by where it starts.
        let key = "\(path):\(file.line):\(file.column)"
        if let index = servicesByFile[key] { return index[name] }
        var index: [String: Node] = [:]
        for pair in file["services"]?.pairs ?? [] {
            if let key = pair.key.string { index[key] = pair.value }  // the last one wins, as in `Node[key]`
        }
        servicesByFile[key] = index
        return index[name]
    }

    private mutating func interpolated(_ node: Node, _ path: String, _ variables: [String: String]) -> String? {
        guard let text = node.string else { return nil }
        switch ComposeInterpolation.interpolate(text, variables: variables) {
        case .success(let value): return value
        case .failure(let failure):
            report(failure.message, at: node, in: path)
            return nil
        }
    }
}

/// Paths of files a Compose file refers to, kept as the scanner reports paths.
enum ComposePath {
    /// An `include:` that Compose fetches instead of reading from disk: an OCI artifact
    /// (`oci://registry/repo:tag`) or a Git repository (`git@host:org/repo.git`, `git://…`,
    /// `https://host/org/repo.git#ref:subdir`, `github.com/org/repo`), or any other URL.
    static func isRemote(_ reference: String) -> Bool {
        let lower = reference.lowercased()
        if lower.hasPrefix("git@") || lower.hasPrefix("github.com/") { return true }
        // `scheme://`: a local path never has a scheme (a Windows drive is `C:\` or `C:/`, one letter).
        guard let colon = lower.firstIndex(of: ":"), lower[colon...].hasPrefix("://") else { return false }
        let scheme = lower[..<colon]
        return scheme.count > 1 && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return path == "/" ? "/" : String(path[..<slash])
    }

    /// `relative` seen from `folder`, with `.` and `..` resolved where possible.
    static func join(_ folder: String, _ relative: String) -> String {
        let combined = relative.hasPrefix("/") || folder.isEmpty ? relative : folder + "/" + relative
        let absolute = combined.hasPrefix("/")
        var parts: [Substring] = []
        for part in combined.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
