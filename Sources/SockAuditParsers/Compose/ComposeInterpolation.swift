/// Compose variable interpolation, as `docker compose` does it, from a variables dictionary only
/// (the `.env` file and `--env-file` values; never the scanning machine's environment):
/// `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?message}`, `${VAR?message}`,
/// `${VAR:+alternative}`, `${VAR+alternative}`, nested `${A:-${B}}`, and `$$` for a literal `$`.
///
/// Two deliberate differences: Compose replaces an unset `$VAR`/`${VAR}` with an empty string; here it
/// stays as its literal text (`${SOCK_DIR}/docker.sock`), so a path still matches by basename and a
/// message shows what was written. And a required variable (`${VAR:?message}`, `${VAR?message}`)
/// that the variables do not set is not an error: whoever runs Compose must set it in their shell,
/// which a scanner never sees, so it is unresolved like any other and stays `${VAR}`
/// (`requiredUnset` names it). A `$` not followed by a name, `{` or `$` is kept, as Compose does.
public enum ComposeInterpolation {
    public struct Failure: Error, Hashable, Sendable {
        public var message: String
        /// Offset in Unicode scalars, from the start of the text, of the `$` that failed.
        public var offset: Int

        public init(_ message: String, offset: Int) {
            self.message = message
            self.offset = offset
        }
    }

    public static func interpolate(_ text: String, variables: [String: String]) -> Result<String, Failure> {
        guard text.contains("$") else { return .success(text) }
        do {
            return .success(try expand(Array(text.unicodeScalars), base: 0, variables: variables, lenient: false))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure("invalid interpolation", offset: 0))
        }
    }

    /// The required variables (`${VAR:?…}`, `${VAR?…}`) of a value that the variables leave unset
    /// (or empty, for the colon form), in order, each once: they are set when Compose runs.
    public static func requiredUnset(_ text: String, variables: [String: String]) -> [String] {
        guard text.contains("?") else { return [] }
        var names: [String] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index + 1 < scalars.count {
            if scalars[index] == "$", scalars[index + 1] == "$" {
                index += 2
                continue
            }
            guard scalars[index] == "$", scalars[index + 1] == "{" else {
                index += 1
                continue
            }
            var end = index + 2
            while end < scalars.count, isNameCharacter(scalars[end]) { end += 1 }
            let name = String(String.UnicodeScalarView(scalars[(index + 2)..<end]))
            let colon = end < scalars.count && scalars[end] == ":"
            let operatorAt = colon ? end + 1 : end
            if !name.isEmpty, operatorAt < scalars.count, scalars[operatorAt] == "?" {
                let value = variables[name]
                let isSet = colon ? !(value ?? "").isEmpty : value != nil
                if !isSet, !names.contains(name) { names.append(name) }
            }
            index += 2
        }
        return names
    }

    /// What a value that fails interpolation still says, for matching: a malformed `${…` stays as
    /// written, a variable inside it as `${NAME}`. (Reported as SA901 all the same.)
    public static func lenient(_ text: String, variables: [String: String]) -> String {
        (try? expand(Array(text.unicodeScalars), base: 0, variables: variables, lenient: true)) ?? text
    }

    /// Real files nest a default or two; each level copies the rest of the value, so a file of
    /// thousands of nested `${A:-${A:-…}}` was quadratic (350 KB ran for minutes).
    static let maxNesting = 16

    private static func expand(
        _ scalars: [Unicode.Scalar], base: Int, variables: [String: String], lenient: Bool, depth: Int = 0
    ) throws -> String {
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "$", index + 1 < scalars.count else {
                output.append(scalar)
                index += 1
                continue
            }
            let next = scalars[index + 1]
            if next == "$" {
                output.append("$")
                index += 2
            } else if next == "{" {
                guard depth < maxNesting else {
                    throw Failure("invalid interpolation format: nested deeper than \(maxNesting) levels", offset: base + index)
                }
                guard let close = matchingBrace(scalars, openAt: index + 1) else {
                    if lenient {
                        output.append(contentsOf: scalars[index...])
                        break
                    }
                    throw Failure("invalid interpolation format: unclosed \"${\" (escape a literal $ as $$)", offset: base + index)
                }
                let inner = Array(scalars[(index + 2)..<close])
                let raw = String(String.UnicodeScalarView(scalars[index...close]))
                let value: String
                do {
                    value = try braced(
                        inner, raw: raw, base: base + index + 2, dollarOffset: base + index, variables: variables, depth: depth)
                } catch let failure as Failure where lenient {
                    _ = failure
                    let name = String(String.UnicodeScalarView(inner.prefix(while: isNameCharacter)))
                    value = name.isEmpty ? raw : "${\(name)}"
                }
                output.append(contentsOf: value.unicodeScalars)
                index = close + 1
            } else if isNameStart(next) {
                var end = index + 1
                while end < scalars.count, isNameCharacter(scalars[end]) { end += 1 }
                let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                if let value = variables[name] {
                    output.append(contentsOf: value.unicodeScalars)
                } else {
                    output.append(contentsOf: scalars[index..<end])
                }
                index = end
            } else {
                output.append(scalar)
                index += 1
            }
        }
        return String(output)
    }

    /// The text between `${` and `}`: a name, optionally followed by an operator and a word.
    private static func braced(
        _ inner: [Unicode.Scalar], raw: String, base: Int, dollarOffset: Int, variables: [String: String], depth: Int
    ) throws -> String {
        var end = 0
        guard let first = inner.first, isNameStart(first) else {
            throw Failure("invalid interpolation format: \(raw) does not start with a variable name", offset: dollarOffset)
        }
        while end < inner.count, isNameCharacter(inner[end]) { end += 1 }
        let name = String(String.UnicodeScalarView(inner[..<end]))
        let value = variables[name]
        if end == inner.count {
            return value ?? raw
        }
        var operatorEnd = end
        let colon = inner[operatorEnd] == ":"
        if colon { operatorEnd += 1 }
        guard operatorEnd < inner.count, ["-", "?", "+"].contains(inner[operatorEnd]) else {
            throw Failure("invalid interpolation format: \(raw)", offset: dollarOffset)
        }
        let op = inner[operatorEnd]
        let wordScalars = Array(inner[(operatorEnd + 1)...])
        // "set" for the colon forms means set and not empty.
        let isSet = colon ? !(value ?? "").isEmpty : value != nil
        func word() throws -> String {
            try expand(wordScalars, base: base + operatorEnd + 1, variables: variables, lenient: false, depth: depth + 1)
        }
        switch op {
        case "-":
            return isSet ? (value ?? "") : try word()
        case "+":
            return isSet ? try word() : ""
        default:
            if isSet { return value ?? "" }
            // The message is still read, so a malformed one is an error as Compose makes it.
            _ = try word()
            return "${\(name)}"
        }
    }

    /// The `}` that closes the `{` at `openAt`, counting nested `${`.
    private static func matchingBrace(_ scalars: [Unicode.Scalar], openAt: Int) -> Int? {
        var depth = 0
        var index = openAt
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "{" {
                depth += 1
            } else if scalar == "}" {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }

    static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || ("0"..."9").contains(scalar)
    }
}
