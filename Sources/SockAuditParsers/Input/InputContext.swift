/// What an input may know beyond its own file: other files next to it (a Compose file's `.env`,
/// an `extends: file:` target), read through the scanner so examples and tests can supply them
/// in memory, and the user's options that concern inputs.
public struct InputContext: Sendable {
    /// Reads a file by path (relative paths are taken from the folder of the file being scanned);
    /// nil when it does not exist or cannot be read.
    public var readFile: @Sendable (_ path: String, _ relativeTo: SourceFile) -> [UInt8]?
    /// `--env-file` values given by the user, for Compose interpolation.
    public var envFiles: [String]
    /// The host volumes Nomad clients declare in the agent configurations of this scan, by name,
    /// read before the jobs that mount them (`NomadAgentConfig.catalogue`).
    public var nomadHostVolumes: [String: [NomadHostVolume]] = [:]

    public init(readFile: @escaping @Sendable (_ path: String, _ relativeTo: SourceFile) -> [UInt8]?, envFiles: [String]) {
        self.readFile = readFile
        self.envFiles = envFiles
    }

    /// Reads from files held in memory, keyed by path.
    public static func inMemory(_ files: [String: [UInt8]]) -> InputContext {
        InputContext(readFile: { path, file in files[resolve(path, relativeTo: file)] }, envFiles: [])
    }

    /// The folder part of a path ("." for a bare name).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` as seen from the folder of `file` (absolute paths stay as they are).
    public static func resolve(_ path: String, relativeTo file: SourceFile) -> String {
        if path.hasPrefix("/") { return path }
        let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return path }
        return parts.dropLast().joined(separator: "/") + "/" + path
    }
}
