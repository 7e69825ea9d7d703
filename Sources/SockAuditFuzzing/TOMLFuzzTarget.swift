import SockAuditParsers

extension FuzzTarget {
    /// TOML: GitLab Runner's config.toml.
    public static let toml = FuzzTarget(
        name: "toml", fileNames: ["config.toml", "etc/gitlab-runner/config.toml"],
        tokens: ["\n", " ", "\t", "=", ".", ",", "[", "]", "[[", "]]", "{", "}", "\"", "'", "\"\"\"", "'''", "\\", "\\u", "\\U0001F600",
                 "\\\n", "#", "\r\n", "\r", "1_000", "0x1F", "1e400", "inf", "-nan", "1979-05-27T07:32:00Z", "1979-05-27 07:32",
                 "true", "false", "a.b.c = 1\n", "x = {a = 1, b.c = [1, 2]}\n", "[[runners]]\n", "[runners.docker]\n",
                 "privileged = true\n", "volumes = [\"/var/run/docker.sock:/var/run/docker.sock\", \"/cache\"]\n",
                 "network_mode = \"host\"\n", "services_privileged = true\n", "[runners.kubernetes]\n",
                 "[[runners.kubernetes.volumes.host_path]]\n", "host_path = \"/var/run/docker.sock\"\n",
                 "[[runners.kubernetes.pod_spec]]\n", "patch = '''\n  hostPID: true\n'''\n", "patch_type = \"json\"\n",
                 "patch = '[{\"op\": \"add\", \"path\": \"/hostPID\", \"value\": true}]'\n",
                 "# sockaudit:ignore SA101 -- why\n", "\u{0}", "\u{FEFF}", "\u{2028}", "é"],
        parse: { bytes, bounds in
            do throws(ParseError) {
                return bounds.violations(in: try TOMLParser.parse(String(decoding: bytes, as: UTF8.self)))
            } catch {
                return bounds.violations(line: error.line, column: error.column, what: "TOML error \"\(error.message)\"")
            }
        })
}
