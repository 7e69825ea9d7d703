/// The located tree of an HCL native-syntax file (Terraform `.tf`, Nomad `.nomad`/`.hcl`). Every
/// node knows the 1-based line and column (in Unicode scalars) where it starts. Expressions that
/// cannot be evaluated without the tool (references, operators, conditionals, `for`, most function
/// calls) are kept with their source text, so an adapter can judge literals and still quote the rest.
public struct HCLBody: Hashable, Sendable {
    public enum Item: Hashable, Sendable {
        case attribute(HCLAttribute)
        case block(HCLBlock)
    }

    /// Attributes and blocks in file order.
    public var items: [Item]

    public init(items: [Item] = []) {
        self.items = items
    }

    public var attributes: [HCLAttribute] {
        items.compactMap { if case .attribute(let attribute) = $0 { attribute } else { nil } }
    }

    public var blocks: [HCLBlock] {
        items.compactMap { if case .block(let block) = $0 { block } else { nil } }
    }

    public subscript(attribute name: String) -> HCLAttribute? {
        attributes.first { $0.name == name }
    }

    public func blocks(_ type: String) -> [HCLBlock] {
        blocks.filter { $0.type == type }
    }
}

/// `name = expression`
public struct HCLAttribute: Hashable, Sendable {
    public var name: String
    public var line: Int
    public var column: Int
    public var value: HCLExpression
}

/// `type "label" label { body }`
public struct HCLBlock: Hashable, Sendable {
    public var type: String
    public var labels: [HCLLabel]
    public var body: HCLBody
    public var line: Int
    public var column: Int
}

/// A block label, quoted (`"docker_container"`) or bare (`docker_container`).
public struct HCLLabel: Hashable, Sendable {
    public var text: String
    public var line: Int
    public var column: Int
}

/// One expression with its position and its exact source text.
public struct HCLExpression: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        /// A string without interpolation or directive, escapes decoded (a quoted string or a heredoc).
        case string(String)
        /// A string with `${…}` interpolations or `%{…}` directives.
        case template([HCLTemplatePart])
        /// A number, as written (`1e3` is not converted).
        case number(String)
        case bool(Bool)
        case null
        /// `[a, b]`
        case tuple([HCLExpression])
        /// `{ key = value, key: value }`
        case object([HCLObjectItem])
        /// `name(arguments)`; `expandsFinal` for a call ending in `...`.
        case call(name: String, arguments: [HCLExpression], expandsFinal: Bool)
        /// Anything that needs evaluation: `var.x`, `local.a[0]`, `a + b`, `c ? x : y`, `[for …]`, splats.
        case unresolved
    }

    public var kind: Kind
    public var line: Int
    public var column: Int
    /// The expression exactly as written in the file.
    public var source: Substring
    /// For a heredoc: where its first content line starts and how much indentation `<<-` removed,
    /// so a position inside the content can be mapped back to the file.
    public var heredoc: HCLHeredoc?

    public init(kind: Kind, line: Int, column: Int, source: Substring, heredoc: HCLHeredoc? = nil) {
        self.kind = kind
        self.line = line
        self.column = column
        self.source = source
        self.heredoc = heredoc
    }
}

/// Where a heredoc's content sits in the file.
public struct HCLHeredoc: Hashable, Sendable {
    /// The line of the first content line (the one after `<<EOF`).
    public var contentLine: Int
    /// The number of leading whitespace characters `<<-` removed from every line (0 for `<<`).
    public var indent: Int
    /// The content with that indentation removed and no escape decoded, `${…}` as written: what a
    /// JSON reader must see to keep positions exact.
    public var rawContent: String
}

public struct HCLObjectItem: Hashable, Sendable {
    public var key: HCLExpression
    public var value: HCLExpression

    /// A bare identifier or a literal string key.
    public var keyName: String? {
        switch key.kind {
        case .string(let text): text
        case .unresolved where HCLLexer.isIdentifier(key.source): String(key.source)
        default: nil
        }
    }
}

public enum HCLTemplatePart: Hashable, Sendable {
    case literal(String)
    case interpolation(HCLExpression)
    /// `%{ if … }`, `%{ for … }`, `%{ else }`, `%{ endif }`, `%{ endfor }` as written.
    case directive(Substring)
}

extension HCLExpression {
    /// The literal text of a string without interpolation.
    public var literalString: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// The text a string stands for, with every interpolation written back as `${…}` (the value
    /// unresolved, its name kept so a socket still matches by basename); nil for non-strings.
    public var templateText: String? {
        switch kind {
        case .string(let text): return text
        case .template(let parts):
            var result = ""
            for part in parts {
                switch part {
                case .literal(let text): result += text
                case .interpolation(let expression): result += "${" + expression.source + "}"
                case .directive(let source): result += source
                }
            }
            return result
        default: return nil
        }
    }
}
