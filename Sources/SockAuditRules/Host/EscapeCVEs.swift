import SockAuditCore

/// One known escape (or host privilege) CVE of a runtime component: kept as data, one row per CVE,
/// from the shared reference `reference/escape-cves.md` (each row names its sources). A Swift literal rather
/// than a bundled JSON resource: rules stay pure, with no file to find at run time.
public struct EscapeCVE: Sendable, Hashable {
    public enum Condition: String, Sendable, Hashable {
        /// Only exploitable when the daemon runs an AuthZ plugin (CVE-2024-41110).
        case authorizationPlugin
    }

    public var component: HostComponent.Kind
    public var id: String
    public var summary: String
    /// The affected range as the source states it, for messages.
    public var affected: String
    /// The first affected version, inclusive; nil when the source says "all before the fix".
    public var introduced: String?
    /// The first fixed version of each release line that got a fix (`1.1.14`, `1.2.0`); the newest
    /// is the mainline fix. A version on a line without a fix is affected when a later line's fix
    /// exists.
    public var fixed: [String]
    public var severity: Severity
    public var condition: Condition?
    public var sources: [String]

    init(_ component: HostComponent.Kind, _ id: String, _ summary: String, affected: String, introduced: String? = nil,
         fixed: [String], severity: Severity = .critical, condition: Condition? = nil, sources: [String]) {
        self.component = component
        self.id = id
        self.summary = summary
        self.affected = affected
        self.introduced = introduced
        self.fixed = fixed
        self.severity = severity
        self.condition = condition
        self.sources = sources
    }

    private static func parse(_ text: String) -> RuntimeVersion? {
        if case .upstream(let version, _) = VersionReader.read(text) { return version }
        return nil
    }

    /// Whether an upstream version is in the affected range.
    public func affects(_ version: RuntimeVersion) -> Bool {
        if let introduced, let first = Self.parse(introduced), version < first { return false }
        let fixes = fixed.compactMap(Self.parse)
        if let lineFix = fixes.first(where: { $0.line == version.line }) { return version < lineFix }
        return fixes.contains { $0 > version }
    }

    /// The version to upgrade to: the fix on the same release line, else the first later fix.
    public func upgrade(from version: RuntimeVersion) -> String? {
        let fixes = fixed.compactMap { text in Self.parse(text).map { (text, $0) } }
        if let lineFix = fixes.first(where: { $0.1.line == version.line }) { return lineFix.0 }
        return fixes.filter { $0.1 > version }.min { $0.1 < $1.1 }?.0
    }
}

public enum EscapeCVEs {
    static let runcChangelog = "https://github.com/opencontainers/runc/blob/main/CHANGELOG.md"
    static let kernelCVEs = "https://github.com/nluedtke/linux_kernel_cves (data/CVEs.txt, data/stream_fixes.json)"

    public static let all: [EscapeCVE] = [
        // runc
        EscapeCVE(.runc, "CVE-2019-5736", "a container overwrites the host's runc binary through /proc/self/exe",
                  affected: "≤ 1.0.0-rc6", fixed: ["1.0.0-rc7"],
                  sources: [runcChangelog, "https://github.com/advisories/GHSA-gxmr-w5mj-v8hh"]),
        EscapeCVE(.runc, "CVE-2021-30465", "a symlink-exchange race in a mount destination bind-mounts a host path",
                  affected: "< 1.0.0-rc95", fixed: ["1.0.0-rc95"],
                  sources: ["https://github.com/opencontainers/runc/tags (v1.0.0-rc95, commit 0ca91f44)"]),
        EscapeCVE(.runc, "CVE-2023-27561", "a symlinked /proc bypasses the LSM profile (regression of CVE-2019-19921; with CVE-2023-28642)",
                  affected: "1.0.0-rc95 … 1.1.4", introduced: "1.0.0-rc95", fixed: ["1.1.5"],
                  sources: [runcChangelog]),
        EscapeCVE(.runc, "CVE-2024-21626", "\"Leaky Vessels\": a leaked file descriptor to the host's /sys/fs/cgroup gives a container the host filesystem",
                  affected: "1.0.0-rc93 … 1.1.11", introduced: "1.0.0-rc93", fixed: ["1.1.12"],
                  sources: ["https://github.com/advisories/GHSA-xr7r-f8xq-vfvv",
                            "https://github.com/docker/docs (content/manuals/engine/release-notes/25.0.md)"]),
        EscapeCVE(.runc, "CVE-2024-45310", "a container can create empty files and directories on the host",
                  affected: "< 1.1.14", fixed: ["1.1.14", "1.2.0"], severity: .low, sources: [runcChangelog]),
        EscapeCVE(.runc, "CVE-2025-31133", "a masked path's /dev/null swapped for a symlink bind-mounts a procfs file read-write",
                  affected: "all versions before the fixes", fixed: ["1.2.8", "1.3.3", "1.4.0-rc.3"],
                  sources: [runcChangelog, "https://github.com/advisories/GHSA-9493-h29p-rfm2"]),
        EscapeCVE(.runc, "CVE-2025-52565", "the /dev/console bind mount follows a /dev/pts symlink to a host target",
                  affected: "≥ 1.0.0-rc3, before the fixes", introduced: "1.0.0-rc3", fixed: ["1.2.8", "1.3.3", "1.4.0-rc.3"],
                  sources: [runcChangelog, "https://github.com/advisories/GHSA-qw9x-cqr3-wc7r"]),
        EscapeCVE(.runc, "CVE-2025-52881", "LSM labels and /proc writes are redirected to arbitrary procfs files (variant of CVE-2019-19921)",
                  affected: "all versions before the fixes", fixed: ["1.2.8", "1.3.3", "1.4.0-rc.3"],
                  sources: [runcChangelog, "https://github.com/advisories/GHSA-cgrx-mc8f-2prm"]),
        EscapeCVE(.runc, "CVE-2026-41579", "a /dev symlink in an image allows limited writes on the host",
                  affected: "before the fixes", fixed: ["1.3.6", "1.4.3", "1.5.0-rc.3"], severity: .low,
                  sources: [runcChangelog, "https://github.com/advisories/GHSA-xjvp-4fhw-gc47"]),
        // containerd
        EscapeCVE(.containerd, "CVE-2020-15257", "the shim API on an abstract unix socket is reachable from --net=host containers, which gives root",
                  affected: "< 1.3.9; 1.4.0–1.4.2", fixed: ["1.3.9", "1.4.3"],
                  sources: ["https://github.com/advisories/GHSA-36xw-fx78-c5r4"]),
        EscapeCVE(.containerd, "CVE-2022-23648", "a CRI image volume path traversal reads host files",
                  affected: "< 1.4.13; 1.5.0–1.5.9; 1.6.0", fixed: ["1.4.13", "1.5.10", "1.6.1"],
                  sources: ["https://github.com/advisories/GHSA-crp2-qrr5-8pq7"]),
        EscapeCVE(.containerd, "CVE-2024-25621", "over-broad directory permissions allow local privilege escalation (CVE ID from downstream references)",
                  affected: "before the fixes", fixed: ["1.7.29", "2.0.7", "2.1.5"], severity: .high,
                  sources: ["https://github.com/containerd/containerd/tags (v1.7.29, v2.0.7, v2.1.5: \"Fix directory permissions\")"]),
        // Docker Engine
        EscapeCVE(.engine, "CVE-2024-41110", "an AuthZ plugin is bypassed with a Content-Length: 0 request (regression of the 18.09.1 fix)",
                  affected: "19.03.0–<23.0.15; 24.0.0–<25.0.6 (no 24.x fix); 26.0.0–<26.1.5; 27.0.0–<27.1.1",
                  introduced: "19.03.0", fixed: ["23.0.15", "25.0.6", "26.1.5", "27.1.1"], condition: .authorizationPlugin,
                  sources: ["https://github.com/advisories/GHSA-v23v-6jw2-98fq"]),
        // Linux (upstream stable numbers; distribution kernels backport and cannot be mapped)
        EscapeCVE(.kernel, "CVE-2022-0847", "\"Dirty Pipe\": writes to read-only page cache overwrite runc or host files from a container",
                  affected: "v5.8-rc1 → v5.17-rc6", introduced: "5.8-rc1", fixed: ["5.10.102", "5.15.25", "5.16.11", "5.17-rc6"],
                  sources: [kernelCVEs]),
        EscapeCVE(.kernel, "CVE-2022-0492", "cgroup v1 release_agent is written without a capability check (exploitable without AppArmor/SELinux/seccomp or with CAP_SYS_ADMIN)",
                  affected: "v2.6.24 → v5.17-rc3", introduced: "2.6.24",
                  fixed: ["4.9.301", "4.14.266", "4.19.229", "5.4.177", "5.10.97", "5.15.20", "5.16.6", "5.17-rc3"],
                  sources: [kernelCVEs]),
        EscapeCVE(.kernel, "CVE-2022-0185", "an fsconfig heap overflow (needs CAP_SYS_ADMIN in a user namespace)",
                  affected: "v5.1 → v5.17-rc1", introduced: "5.1", fixed: ["5.4.173", "5.10.93", "5.15.16", "5.16.2", "5.17-rc1"],
                  sources: [kernelCVEs]),
        EscapeCVE(.kernel, "CVE-2024-1086", "an nf_tables use-after-free gives root",
                  affected: "v3.15 → v6.8-rc2", introduced: "3.15",
                  fixed: ["4.19.307", "5.4.269", "5.10.210", "5.15.149", "6.1.76", "6.6.15", "6.7.3", "6.8-rc2"],
                  sources: [kernelCVEs]),
        EscapeCVE(.kernel, "CVE-2021-22555", "a netfilter x_tables heap out-of-bounds write gives root",
                  affected: "v2.6.19 → v5.12-rc8", introduced: "2.6.19",
                  fixed: ["4.4.267", "4.9.267", "4.14.231", "4.19.188", "5.4.113", "5.10.31", "5.11.15", "5.12-rc8"],
                  sources: [kernelCVEs]),
        EscapeCVE(.kernel, "CVE-2016-5195", "\"Dirty COW\": a copy-on-write race writes read-only mappings",
                  affected: "v2.6.22 → v4.9-rc2", introduced: "2.6.22",
                  fixed: ["3.12.66", "3.16.38", "3.18.44", "4.1.35", "4.4.26", "4.7.9", "4.8.3", "4.9-rc2"],
                  sources: [kernelCVEs]),
        EscapeCVE(.kernel, "CVE-2023-0386", "overlayfs copies up a setuid file from a nosuid mount",
                  affected: "→ v6.2-rc6", fixed: ["5.15.91", "6.1.9", "6.2-rc6"],
                  sources: [kernelCVEs]),
    ]
}
