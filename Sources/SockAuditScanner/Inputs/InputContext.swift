/// What an input may know beyond its own file: other files next to it (a Compose file's `.env`,
/// an `extends: file:` target), read through the scanner so examples and tests can supply them
/// in memory, and the user's options that concern inputs.
struct InputContext: Sendable {
    /// Reads a file by path (relative paths are taken from the folder of the file being scanned);
    /// nil when it does not exist or cannot be read.
    var readFile: @Sendable (_ path: String, _ relativeTo: SourceFile) -> [UInt8]?
    /// `--env-file` values given by the user, for Compose interpolation.
    var envFiles: [String]

    /// Reads from the file system, bounded by the size limit.
    static func fileSystem(maxFileSize: Int, envFiles: [String]) -> InputContext {
        InputContext(
            readFile: { path, file in
                guard case .success(let bytes) = FileReader.read(resolve(path, relativeTo: file), limit: maxFileSize) else { return nil }
                return bytes
            }, envFiles: envFiles)
    }

    /// Reads from files held in memory, keyed by path.
    static func inMemory(_ files: [String: [UInt8]]) -> InputContext {
        InputContext(readFile: { path, file in files[resolve(path, relativeTo: file)] }, envFiles: [])
    }

    /// `path` as seen from the folder of `file` (absolute paths stay as they are).
    static func resolve(_ path: String, relativeTo file: SourceFile) -> String {
        if path.hasPrefix("/") { return path }
        let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return path }
        return parts.dropLast().joined(separator: "/") + "/" + path
    }
}
