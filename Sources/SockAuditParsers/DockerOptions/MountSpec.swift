/// `--mount type=bind,source=/a,target=/b,readonly`: the docker CLI's comma-separated fields (a field
/// may be double-quoted, `"source=/a,b"`), keys case-insensitive with their aliases (`src`, `dst`,
/// `destination`, `ro`), `readonly` bare or with a Go `ParseBool` value, and `volume-opt=K=V`.
public struct MountSpec: Hashable, Sendable {
    /// `bind`, `volume`, `tmpfs`, …, lower-cased; `volume` when not given.
    public var type: String
    public var source: String?
    public var target: String?
    public var readOnly: Bool
    /// `volume-opt` pairs (`o=bind`, `device=/var/run`).
    public var volumeOptions: [String: String]

    public static func parse(_ text: String) -> MountSpec {
        var spec = MountSpec(type: "volume", source: nil, target: nil, readOnly: false, volumeOptions: [:])
        for field in fields(text) {
            let pair = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let key = pair[0].lowercased().trimming(" ")
            let value = pair.count > 1 ? pair[1] : nil
            switch key {
            case "type": spec.type = (value ?? "").lowercased()
            case "src", "source": spec.source = value
            case "dst", "destination", "target": spec.target = value
            case "readonly", "ro": spec.readOnly = value.map { BooleanSpelling.go($0) ?? false } ?? true
            case "volume-opt":
                let option = (value ?? "").split(separator: "=", maxSplits: 1).map(String.init)
                if option.count == 2 { spec.volumeOptions[option[0]] = option[1] }
            default: break
            }
        }
        return spec
    }

    /// The host path the container gets: a bind's source, or the device a `local` volume binds
    /// (`volume-opt=o=bind,volume-opt=device=/var/run`).
    public var hostSource: String? {
        let path: String?
        switch type {
        case "bind": path = source
        case "volume" where volumeOptions["o"]?.contains("bind") == true: path = volumeOptions["device"]
        default: path = nil
        }
        guard let path, !path.isEmpty else { return nil }
        return path
    }

    /// Comma-separated fields; double quotes group and are removed.
    static func fields(_ value: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        for character in value {
            if character == "\"" { quoted.toggle(); continue }
            if character == "," && !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
