import SockAuditParsers

extension FuzzTarget {
    /// Environment files a CI runner is started with (`NAME=value`, `export`, quotes, comments).
    public static let envFile = FuzzTarget(
        name: "env-file", fileNames: ["drone-runner.env", ".env"],
        tokens: ["\n", "\r\n", "=", "export ", "#", " # ", "\"", "'", "\\", " ", "\t", "é", "\u{FEFF}",
                 "DRONE_RUNNER_VOLUMES=/var/run/docker.sock:/var/run/docker.sock\n",
                 "DRONE_RUNNER_PRIVILEGED_IMAGES=plugins/docker,\n", "WOODPECKER_PLUGINS_PRIVILEGED=a:1\n",
                 "RUNNER_EXECUTOR=docker\n", "DOCKER_PRIVILEGED=true\n", "DOCKER_VOLUMES=/var/run/docker.sock:/s\n"],
        parse: { bytes, bounds in
            RunnerEnvironmentFile.entries(String(decoding: bytes, as: UTF8.self)).flatMap {
                bounds.violations(line: $0.line, column: $0.column, what: "entry \($0.name.prefix(40))")
            }
        })
}
