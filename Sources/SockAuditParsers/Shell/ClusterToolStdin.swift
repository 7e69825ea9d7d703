import SockAuditCore

/// YAML that a here-document hands a Kubernetes tool on standard input: `kubectl apply -f -`
/// (also `create`, `replace`; `oc`, `k3s kubectl`, `microk8s kubectl`), `ctlptl apply -f -` and
/// `kind create cluster --config -` (`--config=-`, `/dev/stdin`), written `… <<EOF` or
/// `cat <<EOF | …`; or a file the script wrote from a here-document (`cat > kind.yaml <<EOF`) and
/// names there. The documents are read as manifests (pods, kind and ctlptl clusters) at the lines
/// the here-document has in the script.
enum ClusterToolStdin {
    static func facts(_ command: ShellCommand, writtenFiles: [String: ShellSource] = [:], path: String) -> Facts {
        guard let (tool, file) = input(command.words) else { return Facts() }
        let bodies: [ShellSource]
        if isStdin(file) {
            bodies = command.stdin
        } else if let written = writtenFiles[file] {
            // `cat > kind.yaml <<EOF` earlier in the script
            bodies = [written]
        } else {
            return Facts()
        }
        var facts = Facts()
        for body in bodies {
            let embedded = EmbeddedText(body)
            let parsed = YAMLParser.parse(embedded.text)
            let documents = parsed.documents.map(embedded.relocated)
            facts.containers += KubernetesAdapter.containers(in: documents, path: path)
            // a body that runs commands (`$(…)`, backticks) is text the scan cannot see, not broken YAML
            let generated = embedded.text.contains("`") || embedded.text.contains("$(")
            if let error = parsed.error, !generated {
                facts.unscannable.append(UnscannableFile(
                    location: embedded.location(error.line, error.column, path: path),
                    reason: "the YAML this here-document feeds `\(tool)` could not be parsed (\(error.message)), so what it declares was not judged",
                    extent: .part))
            }
        }
        return facts
    }

    /// The tool's name when the command reads its YAML from standard input.
    static func readsStdin(_ words: [ShellWord]) -> String? {
        guard let (tool, file) = input(words), isStdin(file) else { return nil }
        return tool
    }

    /// The tool (as messages name it) and the file it reads its YAML from (`-` for standard input).
    static func input(_ words: [ShellWord]) -> (tool: String, file: String)? {
        let texts = words.map(\.text)
        guard let first = words.first?.basename else { return nil }
        // `k3s kubectl …`, `microk8s kubectl …`, `minikube kubectl -- …`
        let start = ["k3s", "microk8s", "minikube"].contains(first) && texts.count > 1 && texts[1] == "kubectl" ? 1 : 0
        let program = TextSplitting.lastPathComponent(texts[start])
        let arguments = Array(texts[(start + 1)...])
        switch program {
        case "kubectl", "oc", "ctlptl":
            guard let verb = arguments.first(where: { ["apply", "create", "replace"].contains($0) }),
                  let file = fileArgument(arguments, short: "-f", long: "--filename") else { return nil }
            return ("\(program) \(verb) -f \(isStdin(file) ? "-" : file)", file)
        case "kind":
            guard let create = arguments.firstIndex(of: "create"), arguments.dropFirst(create + 1).first == "cluster",
                  let file = fileArgument(arguments, short: nil, long: "--config") else { return nil }
            return ("kind create cluster --config \(isStdin(file) ? "-" : file)", file)
        default:
            return nil
        }
    }

    /// The value of `-f X`, `-fX`, `-f=X`, `--filename X`, `--filename=X`.
    private static func fileArgument(_ arguments: [String], short: String?, long: String) -> String? {
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == long || word == short {
                return index + 1 < arguments.count ? arguments[index + 1] : nil
            }
            if word.hasPrefix(long + "=") { return String(word.dropFirst(long.count + 1)) }
            if let short, word.hasPrefix(short), word.count > short.count, !word.hasPrefix("--") {
                let rest = word.dropFirst(short.count)
                return String(rest.hasPrefix("=") ? rest.dropFirst() : rest)
            }
            index += 1
        }
        return nil
    }

    private static func isStdin(_ value: String) -> Bool {
        value == "-" || value == "/dev/stdin"
    }
}
