/// The spellings of a boolean each tool accepts. They differ, and a value one tool takes as true
/// another rejects, so each adapter reads with the table of the tool that reads its input.
public enum BooleanSpelling {
    /// Go's `strconv.ParseBool`: what the docker CLI, dockerd and Podman read for a flag value
    /// (`--privileged=1`), a security option (`no-new-privileges=true`) and a `--mount` field
    /// (`readonly=0`). Anything else is an error there, so nil here.
    public static func go(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": true
        case "0", "f", "F", "FALSE", "false", "False": false
        default: nil
        }
    }

    /// YAML 1.1 booleans, as the Kubernetes loader reads a plain scalar (`yes`, `On`).
    public static func yaml(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y": true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N": false
        default: nil
        }
    }

    /// Compose: YAML's words in any case, and the numbers 1 and 0 (a value that arrives as a string
    /// after interpolation, `privileged: ${PRIV}`, is cast the same way).
    public static func compose(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "y", "1": true
        case "false", "no", "off", "n", "0": false
        default: nil
        }
    }
}
