import Foundation

/// A stand-in for the `helm` executable, for machines without one: a script that drives the same
/// engine (libhelm_c, through helm-python-sdk) and speaks `helm template`'s interface: `---` and
/// `# Source:` before each document, `Error: ...` and status 1 on failure, and a refusal of listed
/// dependencies that are not vendored, as `helm template` refuses them.
enum HelmExecutableStandIn {
    static let script = #"""
        #!/usr/bin/env python3
        import re, sys
        import helm_python
        from helm_python import Chart

        def merge(base, overlay):
            for key, value in overlay.items():
                if isinstance(value, dict) and isinstance(base.get(key), dict):
                    merge(base[key], value)
                else:
                    base[key] = value

        args = sys.argv[1:]
        if args[:1] == ["version"]:
            print("v4.2.3+stand-in")
            sys.exit(0)
        if args[:1] != ["template"]:
            sys.exit(2)
        name, chart, rest = args[1], args[2], args[3:]
        values, namespace = {}, "default"
        for flag, value in zip(rest[::2], rest[1::2]):
            if flag == "--namespace":
                namespace = value
            elif flag == "--values":
                merge(values, helm_python.values_from_yaml(open(value).read()))
            elif flag == "--set":
                merge(values, helm_python.parse_set_string(value))
        missing = [d["name"] for d in helm_python.dependency_list(chart) if d["status"] == "missing"]
        if missing:
            sys.stderr.write("Error: An error occurred while checking for chart dependencies. You may need to run "
                             "`helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing "
                             "in charts/ directory: " + ", ".join(missing) + "\n")
            sys.exit(1)
        try:
            with Chart.load(chart) as loaded:
                rendered = loaded.render(values=values, name=name, namespace=namespace, is_install=True)
        except helm_python.HelmError as error:
            sys.stderr.write("Error: " + str(error) + "\n")
            sys.exit(1)
        for source in sorted(rendered):
            base = source.rsplit("/", 1)[-1]
            if base.startswith("_") or base == "NOTES.txt":
                continue
            for document in re.split(r"(?m)^---[ \t]*$\n?", rendered[source]):
                if document.strip():
                    print("---\n# Source: " + source + "\n" + document.rstrip("\n"))
        """#

    /// Writes the stand-in into `folder` as an executable named `helm`; nil where python3 cannot
    /// import helm_python (then the engine path is not testable here).
    static func install(in folder: String) throws -> String? {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import helm_python"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return nil }
        check.waitUntilExit()
        guard check.terminationStatus == 0 else { return nil }
        let path = folder + "/helm"
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o755)
        return path
    }
}
