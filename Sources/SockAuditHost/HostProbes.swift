#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SockAuditCore
import SockAuditParsers

/// What to probe.
public struct HostProbeOptions: Sendable {
    public var root: String
    /// The Engine API to ask; nil skips the API (a mounted image with no daemon).
    public var endpoint: EngineEndpoint?
    /// The daemon socket file to stat, as the host names it.
    public var socketPath: String?
    public var timeout: Double
    public var tool: String

    public init(root: String = "/", endpoint: EngineEndpoint?, socketPath: String?, timeout: Double = 10, tool: String = "sockaudit") {
        self.root = root
        self.endpoint = endpoint
        self.socketPath = socketPath
        self.timeout = timeout
        self.tool = tool
    }
}

/// What the probes collected, for the summary line.
public struct HostCollection: Sendable {
    public var snapshot: JSONValue
    public var apiVersion: String?
    public var engineError: HostProbeError?
    public var containers: Int
}

/// Each probe -> one member of the snapshot document. Only GET requests; nothing is written.
public struct HostProbes: Sendable {
    public var options: HostProbeOptions
    let files: RootedFileSystem

    public init(options: HostProbeOptions) {
        self.options = options
        self.files = RootedFileSystem(root: options.root)
    }

    public func collect() -> HostCollection {
        typealias Member = JSONValue.Member
        var document: [Member] = [
            Member(HostSnapshotAdapter.formatKey, .string(HostSnapshotAdapter.formatVersion)),
            Member("tool", .string(options.tool)),
            Member("root", .string(options.root)),
        ]
        let engine = probeEngine()
        if let endpoint = options.endpoint {
            let members = [Member("address", .string(endpoint.description)), Member("transport", .string(endpoint.transport)),
                           Member("answered", .bool(engine.apiVersion != nil))]
            document.append(Member("endpoint", .object(members)))
        }
        let passwd = (try? files.readText("/etc/passwd")).map(Self.parseColonFile) ?? []
        let groups: [[String]]
        var groupError: HostProbeError?
        do {
            groups = Self.parseColonFile(try files.readText("/etc/group"))
        } catch {
            groups = []
            groupError = error
        }
        if let socketPath = options.socketPath {
            document.append(Member("socket", probeSocket(socketPath, passwd: passwd, groups: groups)))
        }
        document.append(Member("dockerGroup", probeDockerGroup(groups, error: groupError)))
        let dataRoot = engine.info?["DockerRootDir"]?.stringValue ?? "/var/lib/docker"
        document.append(Member("dataRoot", probeDataRoot(dataRoot)))
        document.append(Member("audit", probeAudit(dataRoot: dataRoot)))
        if files.isLiveRoot, let release = try? files.readText("/proc/sys/kernel/osrelease") {
            document.append(Member("kernel", .object([
                Member("osrelease", .string(release.trimming("\n "))),
                Member("source", .string("/proc/sys/kernel/osrelease")),
            ])))
        }
        if options.endpoint != nil { document.append(Member("engine", engine.section)) }
        if !engine.containers.isEmpty || options.endpoint != nil { document.append(Member("containers", .array(engine.containers))) }
        document.append(Member("daemonFiles", .array(probeDaemonFiles())))
        return HostCollection(snapshot: .object(document), apiVersion: engine.apiVersion, engineError: engine.error,
                              containers: engine.containers.count)
    }

    // MARK: Engine API

    struct EngineProbe {
        var section: JSONValue = .object([])
        var apiVersion: String?
        var info: JSONValue?
        var error: HostProbeError?
        var containers: [JSONValue] = []
    }

    func probeEngine() -> EngineProbe {
        typealias Member = JSONValue.Member
        var probe = EngineProbe()
        guard let endpoint = options.endpoint else { return probe }
        var client = EngineClient(endpoint: endpoint, timeout: options.timeout)
        var members: [Member] = []
        do {
            let ping = try client.negotiate()
            probe.apiVersion = client.apiVersion ?? "unversioned"
            members.append(Member("apiVersion", client.apiVersion.map(JSONValue.string) ?? .null))
            let pingHeaders = ["api-version", "server", "ostype", "docker-experimental", "builder-version"]
                .compactMap { name in ping.headers[name].map { Member(name, .string($0)) } }
            members.append(Member("ping", .object(pingHeaders)))
        } catch {
            probe.error = error
            members.append(Member("error", .string(error.description)))
            probe.section = .object(members)
            return probe
        }
        func json(_ path: String) -> (JSONValue?, Member?) {
            do {
                let node = try JSONParser.parse(try client.getOK(path))
                return (JSONValue(node: node), nil)
            } catch let error as HostProbeError {
                return (nil, Member("error", .string(error.description)))
            } catch {
                return (nil, Member("error", .string("GET \(path): the reply is not JSON (\(error))")))
            }
        }
        for (key, path) in [("version", "/version"), ("info", "/info")] {
            let (value, error) = json(path)
            if let value { members.append(Member(key, value)) }
            if let error { members.append(Member(key, .object([error]))) }
            if key == "info" { probe.info = value }
        }
        let (list, listError) = json("/containers/json?all=1")
        if let listError { members.append(Member("containerList", .object([listError]))) }
        if case .array(let entries)? = list {
            for entry in entries {
                guard let id = entry["Id"]?.stringValue, id.allSatisfy({ $0.isHexDigit || $0.isLetter || $0.isNumber }) else { continue }
                let name = Self.containerName(entry)
                var container = [Member("id", .string(id)), Member("name", .string(name))]
                let (inspect, error) = json("/containers/\(id)/json")
                if let inspect { container.append(Member("inspect", inspect)) }
                if let error { container.append(error) }
                probe.containers.append(.object(container))
            }
        }
        probe.section = .object(members)
        return probe
    }

    /// `/web` -> `web`; the list's Names (Docker) or Names/Name (Podman).
    static func containerName(_ entry: JSONValue) -> String {
        if case .array(let names)? = entry["Names"], let first = names.first?.stringValue {
            return first.hasPrefix("/") ? String(first.dropFirst()) : first
        }
        return entry["Name"]?.stringValue ?? ""
    }

    // MARK: Local files

    static func parseColonFile(_ text: String) -> [[String]] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimming(" \t\r")
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            return trimmed.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        }
    }

    func probeSocket(_ path: String, passwd: [[String]], groups: [[String]]) -> JSONValue {
        typealias Member = JSONValue.Member
        var members = [Member("path", .string(path))]
        guard let info = files.status(path) else {
            members.append(Member("missing", .bool(true)))
            return .object(members)
        }
        let type: String = switch info.st_mode & S_IFMT {
        case S_IFSOCK: "socket"
        case S_IFDIR: "directory"
        case S_IFREG: "file"
        default: "other"
        }
        members.append(Member("type", .string(type)))
        let uid = Int(info.st_uid), gid = Int(info.st_gid)
        let owner = passwd.first { $0.count > 2 && Int($0[2]) == uid }?[0] ?? String(uid)
        let group = groups.first { $0.count > 2 && Int($0[2]) == gid }?[0] ?? String(gid)
        members += [Member("owner", .string(owner)), Member("uid", .int(uid)), Member("group", .string(group)),
                    Member("gid", .int(gid))]
        let mode = String(Int(info.st_mode & 0o7777), radix: 8)
        members.append(Member("mode", .string(String(repeating: "0", count: max(0, 4 - mode.count)) + mode)))
        return .object(members)
    }

    func probeDockerGroup(_ groups: [[String]], error: HostProbeError?) -> JSONValue {
        typealias Member = JSONValue.Member
        var members = [Member("file", .string("/etc/group"))]
        if let error {
            members.append(Member("error", .string(error.description)))
            return .object(members)
        }
        guard let entry = groups.first(where: { $0.first == "docker" }) else {
            members.append(Member("missing", .bool(true)))
            return .object(members)
        }
        if entry.count > 2, let gid = Int(entry[2]) { members.append(Member("gid", .int(gid))) }
        let names = entry.count > 3 ? entry[3].split(separator: ",").map { String($0).trimming(" ") } : []
        members.append(Member("members", .array(names.filter { !$0.isEmpty }.map(JSONValue.string))))
        return .object(members)
    }

    func probeDataRoot(_ path: String) -> JSONValue {
        typealias Member = JSONValue.Member
        var members = [Member("path", .string(path))]
        // The mount that holds the data root, as the host resolves the path.
        let real = files.resolve(path).map { files.root.isEmpty ? $0 : String($0.dropFirst(files.root.count)) } ?? path
        if files.isLiveRoot {
            do {
                let mounts = Self.mountPoints(mountinfo: try files.readText("/proc/self/mountinfo"))
                if let point = Self.longestPrefix(real, in: mounts) { members.append(Member("mountPoint", .string(point))) }
                members.append(Member("source", .string("/proc/self/mountinfo")))
            } catch {
                members.append(Member("source", .string("/proc/self/mountinfo")))
                members.append(Member("error", .string(error.description)))
            }
        } else {
            // A mounted image has no live mount table: its fstab says what would be mounted.
            let mounts = ((try? files.readText("/etc/fstab")) ?? "").split(separator: "\n").compactMap { line -> String? in
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard fields.count >= 2, !fields[0].hasPrefix("#") else { return nil }
                return Self.unescapeMount(String(fields[1]))
            }
            if let point = Self.longestPrefix(real, in: mounts) { members.append(Member("mountPoint", .string(point))) }
            members.append(Member("source", .string("/etc/fstab")))
        }
        return .object(members)
    }

    /// Mount points of `/proc/self/mountinfo` (field 5), in order.
    static func mountPoints(mountinfo: String) -> [String] {
        mountinfo.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            return fields.count > 4 ? unescapeMount(String(fields[4])) : nil
        }
    }

    /// `\040` in mount tables is a space.
    static func unescapeMount(_ text: String) -> String {
        var result = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            if scalar == "\\", scalars.count >= 3, let code = UInt32(String(String.UnicodeScalarView(scalars.prefix(3))), radix: 8),
               let decoded = Unicode.Scalar(code) {
                result.unicodeScalars.append(decoded)
                scalars = scalars.dropFirst(3)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The mount point holding `path`: the longest prefix; a later mount of the same point wins.
    static func longestPrefix(_ path: String, in mounts: [String]) -> String? {
        var best: String?
        for mount in mounts {
            let covers = mount == "/" || path == mount || path.hasPrefix(mount + "/")
            if covers, mount.count >= (best?.count ?? -1) { best = mount }
        }
        return best
    }

    func probeAudit(dataRoot: String) -> JSONValue {
        typealias Member = JSONValue.Member
        var ruleFiles = files.list("/etc/audit/rules.d").filter { $0.hasSuffix(".rules") }.map { "/etc/audit/rules.d/" + $0 }
        ruleFiles.append("/etc/audit/audit.rules")
        var read: [String] = []
        var watched: [String] = []
        var errors: [String] = []
        for file in ruleFiles where files.exists(file) {
            do {
                watched += Self.auditWatches(try files.readText(file))
                read.append(file)
            } catch {
                errors.append(error.description)
            }
        }
        var targets = HostAuditTargets.fixed.map(\.path) + [dataRoot]
        if let socket = options.socketPath { targets.append(socket) }
        // One entry per file: /lib is often /usr/lib.
        var seen = Set<String>()
        let present = targets.filter { target in
            guard files.exists(target), let real = files.resolve(target) else { return false }
            return seen.insert(real).inserted
        }
        var members = [Member("ruleFiles", .array(read.map(JSONValue.string))),
                       Member("watched", .array(Array(Set(watched)).sorted().map(JSONValue.string))),
                       Member("present", .array(present.map(JSONValue.string)))]
        if !errors.isEmpty { members.append(Member("error", .string(errors.joined(separator: "; ")))) }
        return .object(members)
    }

    /// Paths an audit.rules text watches: `-w PATH`, and `-F path=`/`-F dir=` of syscall rules.
    static func auditWatches(_ text: String) -> [String] {
        var paths: [String] = []
        for line in text.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let first = words.first, !first.hasPrefix("#") else { continue }
            var index = 0
            while index < words.count {
                let word = words[index]
                if word == "-w", index + 1 < words.count {
                    paths.append(words[index + 1])
                    index += 2
                    continue
                }
                if word == "-F", index + 1 < words.count {
                    let field = words[index + 1]
                    for prefix in ["path=", "dir="] where field.hasPrefix(prefix) {
                        paths.append(String(field.dropFirst(prefix.count)))
                    }
                    index += 2
                    continue
                }
                index += 1
            }
        }
        return paths
    }

    /// daemon.json and the unit files, kept for the effective daemon configuration, and GitLab
    /// Runner's config.toml, whose job containers the runner starts on this daemon. Each is scanned
    /// as a file of its own under its host path.
    func probeDaemonFiles() -> [JSONValue] {
        typealias Member = JSONValue.Member
        var paths = ["/etc/docker/daemon.json", "/etc/default/docker", "/etc/sysconfig/docker", "/etc/gitlab-runner/config.toml"]
        for directory in ["/lib/systemd/system", "/usr/lib/systemd/system", "/etc/systemd/system"] {
            for unit in ["docker.service", "docker.socket"] {
                paths.append("\(directory)/\(unit)")
                paths += files.list("\(directory)/\(unit).d").filter { $0.hasSuffix(".conf") }.map { "\(directory)/\(unit).d/\($0)" }
            }
        }
        return paths.compactMap { path -> JSONValue? in
            guard files.exists(path) else { return nil }
            do {
                // Kept as text so findings point at the file's own lines (`/etc/docker/daemon.json:7`).
                let bytes = try files.read(path, limit: 1024 * 1024)
                return .object([Member("path", .string(path)), Member("text", .string(String(decoding: bytes, as: UTF8.self)))])
            } catch {
                return .object([Member("path", .string(path)), Member("error", .string("\(error)"))])
            }
        }
    }
}
