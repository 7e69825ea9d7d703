import SockAuditCore

/// Builds each host's effective daemon configuration the way dockerd does: `daemon.json` plus the
/// flags of the command that starts it (the systemd unit's last `ExecStart=` after drop-ins are
/// applied, `DOCKER_OPTS`/`OPTIONS` from `/etc/default/docker` or `/etc/sysconfig/docker`).
///
/// Daemon facts belong to one host when their files sit under one host root
/// (`ROOT/etc/docker/daemon.json`, `ROOT/etc/systemd/system/docker.service.d/*.conf`, ...), or
/// when the files were passed together (named one by one on the command line, or scanned from
/// memory). A group of one stays as it is; a group with more than one `daemon.json` is several
/// hosts and is not merged. Every merged setting keeps the location of the file that sets it.
enum DaemonMerge {
    /// `passedTogether`: the paths of files named one by one (their facts form one group).
    static func merge(_ daemons: [DaemonConfig], passedTogether: Set<String>) -> [DaemonConfig] {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, daemon) in daemons.enumerated() {
            guard let origin = daemon.origin else { continue }
            let key: String
            if passedTogether.contains(daemon.location.path) {
                key = "\u{0}passed together"
            } else if let root = origin.hostRoot {
                key = root
            } else {
                continue
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        var replaced = Set<Int>()
        var merged: [DaemonConfig] = []
        for key in order {
            let members = groups[key] ?? []
            guard members.count > 1,
                members.filter({ daemons[$0].origin?.kind == .daemonJSON }).count <= 1
            else { continue }
            merged.append(mergeHost(members.map { daemons[$0] }))
            replaced.formUnion(members)
        }
        var result = daemons.enumerated().filter { !replaced.contains($0.offset) }.map(\.element)
        result += merged
        return result
    }

    /// One host's files -> its effective configuration.
    static func mergeHost(_ members: [DaemonConfig]) -> DaemonConfig {
        let file = members.first { $0.origin?.kind == .daemonJSON }
        var units: [DaemonConfig] = []
        var dropIns: [(key: String, config: DaemonConfig)] = []
        var defaults: [DaemonConfig] = []
        for member in members {
            switch member.origin?.kind {
            case .unit(let precedence):
                // A copy of the unit in a folder of higher precedence replaces the others.
                if let current = units.first, case .unit(let existing) = current.origin?.kind {
                    if precedence > existing { units = [member] }
                } else {
                    units = [member]
                }
            case .dropIn(let sortKey): dropIns.append((sortKey, member))
            case .defaultsFile: defaults.append(member)
            case .daemonJSON, nil: break
            }
        }
        // systemd applies drop-ins in file-name order; an empty `ExecStart=` clears the commands
        // before it and the last `ExecStart=` left is the one that runs.
        var command: DaemonConfig?
        for member in units + dropIns.enumerated().sorted(by: { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }).map(\.element.config) {
            let origin = member.origin
            if origin?.resetsExecStart == true { command = nil }
            if origin?.hasCommand ?? true { command = member }
        }
        let flagSources = (command.map { [$0] } ?? []) + defaults

        let paths = ([file].compactMap { $0 } + flagSources).map(\.location.path)
        var result = file ?? DaemonConfig(
            subject: "", location: flagSources.first?.location ?? members[0].location, isComplete: false)
        result.subject = "dockerd configured by " + paths.joined(separator: " + ")
        result.isComplete = file != nil
        for flags in flagSources {
            overlay(flags, onto: &result, file: file)
        }
        return result
    }

    /// Flag settings win over the file's (dockerd refuses to start when both set one, which is
    /// recorded as a conflict); list settings add up.
    static func overlay(_ flags: DaemonConfig, onto result: inout DaemonConfig, file: DaemonConfig?) {
        func single<Value>(_ option: String, _ keyPath: WritableKeyPath<DaemonConfig, Setting<Value>?>) {
            guard let flag = flags[keyPath: keyPath] else { return }
            if let fromFile = file?[keyPath: keyPath] {
                result.conflicts.append(DaemonOptionConflict(
                    option: option, flag: flag.location, flagSpelling: flag.spelling, file: fromFile.location))
            }
            result[keyPath: keyPath] = flag
        }
        func list(_ option: String, _ keyPath: WritableKeyPath<DaemonConfig, [Setting<String>]>) {
            let added = flags[keyPath: keyPath]
            guard let first = added.first else { return }
            if let fromFile = file?[keyPath: keyPath].first {
                result.conflicts.append(DaemonOptionConflict(
                    option: option, flag: first.location, flagSpelling: first.spelling, file: fromFile.location))
            }
            result[keyPath: keyPath] += added
        }
        list("hosts", \.hosts)
        single("tls", \.tls)
        single("tlsverify", \.tlsVerify)
        single("userns-remap", \.usernsRemap)
        single("rootless", \.rootless)
        single("live-restore", \.liveRestore)
        single("icc", \.icc)
        single("no-new-privileges", \.noNewPrivileges)
        single("seccomp-profile", \.seccompProfile)
        list("insecure-registries", \.insecureRegistries)
        single("userland-proxy", \.userlandProxy)
        result.conflicts += flags.conflicts
    }
}
