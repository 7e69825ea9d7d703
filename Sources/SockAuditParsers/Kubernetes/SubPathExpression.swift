/// A `volumeMounts[].subPathExpr`: the kubelet expands `$(NAME)` from the container's environment
/// (`$$(NAME)` is a literal `$(NAME)`; a name the environment lacks stays as written), as it does for
/// `command` and `args`. Only literal `env` values are known at scan time; a `valueFrom` (the pod's
/// name, a ConfigMap key) is not, and stays `$(NAME)`, so the path is judged by what is known of it.
enum SubPathExpression {
    struct Expanded: Hashable {
        var value: String
        /// The names left as `$(NAME)`, in order, each once.
        var unresolved: [String]
    }

    static func expand(_ text: String, environment: [String: String]) -> Expanded {
        var output = String.UnicodeScalarView()
        var unresolved: [String] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "$", index + 1 < scalars.count else {
                output.append(scalar)
                index += 1
                continue
            }
            if scalars[index + 1] == "$" {
                // `$$` is one literal `$`.
                output.append("$")
                index += 2
                continue
            }
            guard scalars[index + 1] == "(", let close = scalars[(index + 2)...].firstIndex(of: ")") else {
                output.append(scalar)
                index += 1
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
            if let value = environment[name] {
                output.append(contentsOf: value.unicodeScalars)
            } else {
                output.append(contentsOf: scalars[index...close])
                if !unresolved.contains(name) { unresolved.append(name) }
            }
            index = close + 1
        }
        return Expanded(value: String(output), unresolved: unresolved)
    }
}
