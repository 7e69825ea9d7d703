import Foundation

/// Finds a Helm engine, in this order: `--helm-engine PATH` or `SOCKAUDIT_HELM_ENGINE` (a `helm`
/// executable or a `libhelm_c` library); `helm` on `PATH`; `libhelm_c` from an installed
/// `helm-python-sdk`.
public enum HelmEngineDiscovery {
    public static let howToGetOne = "install helm (on PATH) or the helm-python-sdk package (pip install helm-python-sdk), "
        + "or name one with --helm-engine PATH"

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unusable(String)

        public var description: String {
            switch self {
            case .unusable(let why): "--helm-engine: \(why)"
            }
        }
    }

    /// The engine to use, nil when none is installed; an explicitly named engine that cannot be
    /// used is an error, never passed over.
    public static func find(explicit: String?, environment: [String: String], prefixes: [String] = HelmSettings.systemPrefixes) throws(Failure) -> (any ChartRenderer)? {
        if let named = explicit ?? environment["SOCKAUDIT_HELM_ENGINE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            // `none`: charts are not rendered (reported as not scanned, as without an engine).
            if named == "none" { return nil }
            return try open(named)
        }
        if let helm = executable("helm", path: environment["PATH"]) { return HelmExecutableRenderer(path: helm) }
        for library in libraryCandidates(environment: environment, prefixes: prefixes) where isFile(library) {
            if let renderer = try? HelmLibraryRenderer(path: library) { return renderer }
        }
        return nil
    }

    /// A named engine: a shared library by its name (`libhelm_c.so`, `.so.0`, `.dylib`), else an
    /// executable.
    public static func open(_ path: String) throws(Failure) -> any ChartRenderer {
        guard isFile(path) else { throw .unusable("\(path): no such file") }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".so") || name.contains(".so.") || name.hasSuffix(".dylib") {
            do { return try HelmLibraryRenderer(path: path) } catch { throw .unusable(error.description) }
        }
        guard access(path, X_OK) == 0 else { throw .unusable("\(path): not executable") }
        return HelmExecutableRenderer(path: path)
    }

    static func executable(_ name: String, path: String?) -> String? {
        for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = folder.hasSuffix("/") ? "\(folder)\(name)" : "\(folder)/\(name)"
            if isFile(candidate), access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// `helm_python/lib/libhelm_c.*` in the usual site-packages folders, then where `python3` says
    /// the package is.
    static func libraryCandidates(environment: [String: String], prefixes system: [String]) -> [String] {
        var prefixes: [String] = []
        if let venv = environment["VIRTUAL_ENV"], !venv.isEmpty { prefixes.append(venv) }
        if let home = environment["HOME"], !home.isEmpty { prefixes.append(home + "/.local") }
        prefixes += system
        var packageFolders: [String] = []
        for prefix in prefixes {
            let lib = prefix + "/lib"
            let versions = ((try? FileManager.default.contentsOfDirectory(atPath: lib)) ?? []).filter { $0.hasPrefix("python3") }.sorted()
            for version in versions {
                packageFolders += ["\(lib)/\(version)/site-packages", "\(lib)/\(version)/dist-packages"]
            }
        }
        if system.contains("/usr") { packageFolders.append("/usr/lib/python3/dist-packages") }
        var candidates = packageFolders.flatMap { libraryFiles(in: $0 + "/helm_python") }
        if let python = executable("python3", path: environment["PATH"]),
           let run = EngineProcess.run(
               python, ["-c", Self.findPackage]),
           run.status == 0 {
            let folder = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
            if !folder.isEmpty { candidates += libraryFiles(in: folder) }
        }
        return candidates
    }

    /// Where python3 would import helm_python from, without importing it (importing loads the
    /// library and starts its runtime: most of a second).
    static let findPackage = "import importlib.util as u; s = u.find_spec('helm_python'); print(s.submodule_search_locations[0] if s else '')"

    private static func libraryFiles(in packageFolder: String) -> [String] {
        ["libhelm_c.so", "libhelm_c.so.0", "libhelm_c.dylib"].map { "\(packageFolder)/lib/\($0)" }
    }

    static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
