import SockAuditCore

/// `docker inspect` output for one container, trimmed to what an example is about. It always has
/// `Id`, `Name`, `HostConfig.Privileged` and `Config.Image` (which make it a complete inspect
/// document: an absent setting is really absent), and the members the example passes, written as
/// dockerd writes them (`"PidMode": ↓"host"`, a multi-line array, a `↓` anywhere) and placed in
/// their object. A member named like a default (`"Privileged": true`) replaces it. Every other
/// field has the value a plain `docker run IMAGE` gives it, which is the same as leaving it out.
enum InspectDocument {
    static let id = "3f2a9c1b0d4e8a7f6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a"

    /// The array `docker inspect` prints, or (`array: false`) one `GET /containers/{id}/json` object.
    /// `marked` puts `↓` on the container's opening brace, where a missing setting is reported.
    static func container(
        name: String = "web", top: [String] = [], hostConfig: [String] = [], config: [String] = [],
        marked: Bool = false, array: Bool = true
    ) -> String {
        let hostMembers = replacing(["\"Privileged\": false"], with: hostConfig)
        let configMembers = replacing(["\"Image\": \"nginx:1.25\""], with: config)
        let members = ["\"Id\": \"\(id)\"", "\"Name\": \"/\(name)\""] + top + [
            object("HostConfig", hostMembers), object("Config", configMembers),
        ]
        let brace = marked ? "\(Example.marker){" : "{"
        let body = members.map { indent($0, by: 4) }.joined(separator: ",\n")
        let container = "\(brace)\n\(body)\n}"
        return array ? "[\n\(indent(container, by: 4))\n]" : container
    }

    /// Defaults whose key a given member names are left out; the given members follow the rest.
    /// A member whose value is an array of strings, one per line as dockerd writes it:
    /// `array("CapAdd", ["↓SYS_ADMIN"])` is `"CapAdd": [` / `↓"SYS_ADMIN"` / `]`.
    static func array(_ name: String, _ items: [String]) -> String {
        let lines = items.map { item in
            item.first == Example.marker ? "\(Example.marker)\"\(item.dropFirst())\"" : "\"\(item)\""
        }
        return "\"\(name)\": [\n" + lines.map { indent($0, by: 4) }.joined(separator: ",\n") + "\n]"
    }

    /// A bind mount as `docker inspect` lists it under `Mounts`; `↓` before the source marks its `Source`.
    struct BindMount {
        var source: String
        var destination: String
        var mode: String
        var readWrite: Bool
    }

    /// The top-level `Mounts` member listing bind mounts, each with the fields dockerd writes.
    static func bindMounts(_ mounts: [BindMount]) -> String {
        let objects = mounts.map { mount in
            let marked = mount.source.first == Example.marker
            let source = marked ? String(mount.source.dropFirst()) : mount.source
            return """
                {
                    "Type": "bind",
                    \(marked ? String(Example.marker) : "")"Source": "\(source)",
                    "Destination": "\(mount.destination)",
                    "Mode": "\(mount.mode)",
                    "RW": \(mount.readWrite),
                    "Propagation": "rprivate"
                }
                """
        }
        return "\"Mounts\": [\n" + objects.map { indent($0, by: 4) }.joined(separator: ",\n") + "\n]"
    }

    private static func replacing(_ defaults: [String], with members: [String]) -> [String] {
        let keys = Set(members.map(key))
        return defaults.filter { !keys.contains(key($0)) } + members
    }

    private static func key(_ member: String) -> String {
        let text = member.drop { $0 == Example.marker }
        guard text.first == "\"", let end = text.dropFirst().firstIndex(of: "\"") else { return "" }
        return String(text[text.index(after: text.startIndex)..<end])
    }

    private static func object(_ name: String, _ members: [String]) -> String {
        "\"\(name)\": {\n" + members.map { indent($0, by: 4) }.joined(separator: ",\n") + "\n}"
    }

    private static func indent(_ text: String, by spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }
}

extension InspectDocument {
    /// A `GET /containers/json` (`docker container ls --format json`-style) summary of a container that
    /// mounts the Docker socket and publishes a port: it states a few values and leaves the rest out,
    /// so only the values it states are judged. `marked` puts `↓` on the mount's `Source`.
    static func summary(marked: Bool = false) -> String {
        let source = marked ? "\(Example.marker)\"Source\"" : "\"Source\""
        return """
            [
              {
                "Id": "9b1f0c2d3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c",
                "Names": ["/portainer_agent"],
                "Image": "portainer/agent:2.19.4",
                "Ports": [{"IP": "0.0.0.0", "PrivatePort": 9001, "PublicPort": 9001, "Type": "tcp"}],
                "State": "running",
                "HostConfig": {"NetworkMode": "default"},
                "Mounts": [
                  {
                    "Type": "bind",
                    \(source): "/var/run/docker.sock",
                    "Destination": "/var/run/docker.sock",
                    "Mode": "",
                    "RW": true,
                    "Propagation": "rprivate"
                  }
                ]
              }
            ]
            """
    }
}
