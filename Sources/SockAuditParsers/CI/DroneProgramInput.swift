import SockAuditCore

/// Drone pipelines written as programs: `.drone.star` (Starlark) and `.drone.jsonnet` (Jsonnet).
/// The pipelines are what the program returns when Drone evaluates it, and sockaudit evaluates
/// neither language, so such a file is reported as not scanned (SA901), never passed over in
/// silence, with how to get its pipelines judged: the drone CLI writes them as YAML.
public struct DroneProgramInput: TextInput {
    public init() {}

    public let kind = InputKind.drone

    public static let languages = [".drone.star": "Starlark", ".drone.jsonnet": "Jsonnet"]

    public func claims(_ file: SourceFile) -> Bool {
        Self.languages[file.name] != nil
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        guard let language = Self.languages[file.name] else { return nil }
        let render = file.name == ".drone.jsonnet"
            ? "`drone jsonnet --stream --stdout | sockaudit scan - --stdin-filename .drone.yml`"
            : "render it to YAML with the drone CLI and pipe that to `sockaudit scan - --stdin-filename .drone.yml`"
        var facts = Facts()
        facts.unscannable.append(UnscannableFile(
            location: SourceLocation(path: file.path, line: 1, column: 1),
            reason: "a Drone pipeline written in \(language) is a program whose result is the pipelines, and sockaudit does not evaluate \(language), so none of its steps were judged; to judge them, \(render)"))
        return facts
    }
}
