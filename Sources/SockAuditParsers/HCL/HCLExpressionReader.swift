/// Expressions: literals, strings, tuples, objects and calls are kept as structure; everything that
/// needs evaluation (references, operators, conditionals, `for`, splats, indexes) is read for its
/// extent and kept as `.unresolved` with its source text.
extension HCLReader {
    /// Binary operators by precedence, longest spelling first within a level.
    private static let operators: [(spelling: String, precedence: Int)] = [
        ("||", 1), ("&&", 2), ("==", 3), ("!=", 3), ("<=", 4), (">=", 4), ("<", 4), (">", 4),
        ("+", 5), ("-", 5), ("*", 6), ("/", 6), ("%", 6),
    ]

    mutating func parseExpression() throws(ParseError) -> HCLExpression {
        let start = mark
        try descend(start)
        defer { depth -= 1 }
        let condition = try parseBinary(minimum: 1)
        try skipInline()
        guard peek() == UInt8(ascii: "?") else { return condition }
        advance()
        try skipInline()
        _ = try parseExpression()
        try skipInline()
        try expect(":", "\":\" of a conditional (c ? a : b)")
        try skipInline()
        _ = try parseExpression()
        return expression(.unresolved, from: start)
    }

    /// Precedence climbing: the recursion is bounded by the number of levels, a chain is a loop.
    private mutating func parseBinary(minimum: Int) throws(ParseError) -> HCLExpression {
        let start = mark
        let left = try parseUnary()
        var combined = false
        while true {
            let before = mark
            try skipInline()
            guard let (spelling, precedence) = binaryOperator(), precedence >= minimum else {
                restore(before)
                break
            }
            advance(spelling.utf8.count)
            try skipSpace(newlines: true)
            _ = try parseBinary(minimum: precedence + 1)
            combined = true
        }
        return combined ? expression(.unresolved, from: start) : left
    }

    /// Goes back to a mark taken on the same line (only spaces and comments were skipped since).
    private mutating func restore(_ mark: Mark) {
        (pos, line, column) = mark
    }

    private func binaryOperator() -> (String, Int)? {
        for candidate in Self.operators where peekIs(candidate.spelling) {
            // `=>` and `=` are not operators; `<<` would be a heredoc, never valid here.
            return candidate
        }
        return nil
    }

    /// `-x`, `!x`, `--x`: prefixes counted in a loop.
    private mutating func parseUnary() throws(ParseError) -> HCLExpression {
        let start = mark
        var prefixes = 0
        var negations = 0
        while let byte = peek(), byte == UInt8(ascii: "-") || byte == UInt8(ascii: "!") {
            if byte == UInt8(ascii: "!") { negations += 1 }
            prefixes += 1
            advance()
            try skipInline()
        }
        let operand = try parsePostfix()
        guard prefixes > 0 else { return operand }
        if prefixes == 1, negations == 0, case .number = operand.kind {
            return expression(.number(String(source(from: start))), from: start)
        }
        return expression(.unresolved, from: start)
    }

    /// `a.b`, `a[0]`, `a.*.b`, `a[*]`, `a.0` after a primary.
    private mutating func parsePostfix() throws(ParseError) -> HCLExpression {
        let start = mark
        let primary = try parsePrimary()
        var traversed = false
        while true {
            let before = mark
            try skipSpace(newlines: false)
            if peek() == UInt8(ascii: "."), peek(1) != UInt8(ascii: ".") {
                advance()
                if peek() == UInt8(ascii: "*") {
                    advance()
                } else if identifier() != nil {
                } else if let byte = peek(), byte &- 0x30 < 10 {
                    while let digit = peek(), digit &- 0x30 < 10 { advance() }
                } else {
                    throw error("expected an attribute name after \".\", found \(describeNext())")
                }
                traversed = true
            } else if peek() == UInt8(ascii: "[") {
                let opening = mark
                advance()
                try descend(opening)
                newlinesEnd.append(false)
                try skipSpace(newlines: true)
                if peek() == UInt8(ascii: "*") {
                    advance()
                } else {
                    _ = try parseExpression()
                }
                try skipSpace(newlines: true)
                try expect("]", "\"]\" closing the index opened at line \(opening.line + lineOffset)")
                newlinesEnd.removeLast()
                depth -= 1
                traversed = true
            } else {
                restore(before)
                break
            }
        }
        return traversed ? expression(.unresolved, from: start) : primary
    }

    private mutating func parsePrimary() throws(ParseError) -> HCLExpression {
        let start = mark
        guard let byte = peek() else { throw error("expected an expression, found the end of the file") }
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        case UInt8(ascii: "\""):
            return try parseQuotedTemplate()
        case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "<"):
            return try parseHeredoc()
        case UInt8(ascii: "("):
            advance()
            try descend(start)
            newlinesEnd.append(false)
            try skipSpace(newlines: true)
            let inner = try parseExpression()
            try skipSpace(newlines: true)
            try expect(")", "\")\" closing the parenthesis opened at line \(start.line + lineOffset)")
            newlinesEnd.removeLast()
            depth -= 1
            return expression(inner.kind, from: start)
        case UInt8(ascii: "["):
            return try parseTuple()
        case UInt8(ascii: "{"):
            return try parseObject()
        default:
            guard let name = identifier() else { throw error("expected an expression, found \(describeNext())") }
            switch name {
            case "true": return expression(.bool(true), from: start)
            case "false": return expression(.bool(false), from: start)
            case "null": return expression(.null, from: start)
            default: return try parseReferenceOrCall(name, start: start)
            }
        }
    }

    private mutating func parseNumber() throws(ParseError) -> HCLExpression {
        let start = mark
        func digits(_ reader: inout HCLReader) {
            while let digit = reader.peek(), digit &- 0x30 < 10 { reader.advance() }
        }
        digits(&self)
        if peek() == UInt8(ascii: "."), let next = peek(1), next &- 0x30 < 10 {
            advance()
            digits(&self)
        }
        if let e = peek(), e | 0x20 == UInt8(ascii: "e") {
            var offset = 1
            if peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-") { offset = 2 }
            if let next = peek(offset), next &- 0x30 < 10 {
                advance(offset)
                digits(&self)
            }
        }
        return expression(.number(String(source(from: start))), from: start)
    }

    /// A variable (`var.x` starts here; the traversal is postfix), or a call `name(…)`,
    /// `provider::ns::name(…)`.
    private mutating func parseReferenceOrCall(_ first: String, start: Mark) throws(ParseError) -> HCLExpression {
        var name = first
        while peekIs("::") {
            advance(2)
            guard let part = identifier() else { throw error("expected a function name after \"::\", found \(describeNext())") }
            name += "::" + part
        }
        let before = mark
        try skipSpace(newlines: false)
        guard peek() == UInt8(ascii: "(") else {
            if name.contains("::") { throw error("expected \"(\" after the function name \(name)") }
            restore(before)
            return expression(.unresolved, from: start)
        }
        let opening = mark
        advance()
        try descend(opening)
        newlinesEnd.append(false)
        var arguments: [HCLExpression] = []
        var expands = false
        while true {
            try skipSpace(newlines: true)
            if peek() == UInt8(ascii: ")") { break }
            guard !expands else { throw error("\"...\" may only follow the last argument") }
            arguments.append(try parseExpression())
            try skipSpace(newlines: true)
            if peekIs("...") {
                advance(3)
                expands = true
                try skipSpace(newlines: true)
            }
            if peek() == UInt8(ascii: ",") {
                advance()
            } else if peek() != UInt8(ascii: ")") {
                throw error("expected \",\" or \")\" in the arguments of \(name)(), found \(describeNext())")
            }
        }
        advance()
        newlinesEnd.removeLast()
        depth -= 1
        return expression(.call(name: name, arguments: arguments, expandsFinal: expands), from: start)
    }

    /// `[a, b]` or `[for x in xs : f(x)]`.
    private mutating func parseTuple() throws(ParseError) -> HCLExpression {
        let start = mark
        advance()
        try descend(start)
        newlinesEnd.append(false)
        defer {
            newlinesEnd.removeLast()
            depth -= 1
        }
        try skipSpace(newlines: true)
        if atForKeyword() {
            try parseFor(closing: "]", isObject: false)
            return expression(.unresolved, from: start)
        }
        var items: [HCLExpression] = []
        while true {
            try skipSpace(newlines: true)
            if peek() == UInt8(ascii: "]") { break }
            guard !atEnd else { throw error("the list opened here is never closed (no matching \"]\")", at: start) }
            items.append(try parseExpression())
            try skipSpace(newlines: true)
            if peek() == UInt8(ascii: ",") {
                advance()
            } else if peek() != UInt8(ascii: "]") {
                throw error("expected \",\" or \"]\" in the list opened at line \(start.line + lineOffset), found \(describeNext())")
            }
        }
        advance()
        return expression(.tuple(items), from: start)
    }

    /// `{ key = value, "key": value }` (items separated by commas or newlines) or `{for k, v in m : k => v}`.
    private mutating func parseObject() throws(ParseError) -> HCLExpression {
        let start = mark
        advance()
        try descend(start)
        newlinesEnd.append(true)
        defer {
            newlinesEnd.removeLast()
            depth -= 1
        }
        try skipSpace(newlines: true)
        if atForKeyword() {
            newlinesEnd.append(false)
            try parseFor(closing: "}", isObject: true)
            newlinesEnd.removeLast()
            return expression(.unresolved, from: start)
        }
        var items: [HCLObjectItem] = []
        while true {
            try skipSpace(newlines: true)
            if peek() == UInt8(ascii: "}") { break }
            guard !atEnd else { throw error("the object opened here is never closed (no matching \"}\")", at: start) }
            let key = try parseExpression()
            try skipSpace(newlines: false)
            guard peek() == UInt8(ascii: "=") || peek() == UInt8(ascii: ":") else {
                throw error("expected \"=\" or \":\" after the object key \(key.source.prefix(40)), found \(describeNext())")
            }
            advance()
            try skipSpace(newlines: false)
            let value = try parseExpression()
            items.append(HCLObjectItem(key: key, value: value))
            try skipSpace(newlines: false)
            if peek() == UInt8(ascii: ",") || peek() == UInt8(ascii: "\n") {
                advance()
            } else if peek() != UInt8(ascii: "}") {
                throw error("expected \",\", a newline or \"}\" after the object item, found \(describeNext())")
            }
        }
        advance()
        return expression(.object(items), from: start)
    }

    /// `for` followed by a name: a `for` expression, not a variable called `for`.
    private func atForKeyword() -> Bool {
        guard peekIs("for"), let next = peek(3) else { return false }
        return next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\n")
    }

    /// `for k, v in xs : value if cond` (tuple) or `for k, v in m : key => value... if cond` (object),
    /// up to and including the closing bracket.
    private mutating func parseFor(closing: String, isObject: Bool) throws(ParseError) {
        advance(3)
        try skipSpace(newlines: true)
        guard identifier() != nil else { throw error("expected a variable name after \"for\", found \(describeNext())") }
        try skipSpace(newlines: true)
        if peek() == UInt8(ascii: ",") {
            advance()
            try skipSpace(newlines: true)
            guard identifier() != nil else { throw error("expected a second variable name after \",\", found \(describeNext())") }
            try skipSpace(newlines: true)
        }
        guard peekIs("in"), let after = peek(2), !HCLLexer.isIdentifierByte(after) else {
            throw error("expected \"in\" in the for expression, found \(describeNext())")
        }
        advance(2)
        try skipSpace(newlines: true)
        _ = try parseExpression()
        try skipSpace(newlines: true)
        try expect(":", "\":\" in the for expression")
        try skipSpace(newlines: true)
        _ = try parseExpression()
        try skipSpace(newlines: true)
        if isObject {
            try expect("=>", "\"=>\" in the object for expression")
            try skipSpace(newlines: true)
            _ = try parseExpression()
            try skipSpace(newlines: true)
            if peekIs("...") {
                advance(3)
                try skipSpace(newlines: true)
            }
        }
        if peekIs("if"), let after = peek(2), !HCLLexer.isIdentifierByte(after) {
            advance(2)
            try skipSpace(newlines: true)
            _ = try parseExpression()
            try skipSpace(newlines: true)
        }
        try expect(closing, "\"\(closing)\" closing the for expression")
    }
}
