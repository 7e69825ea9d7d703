/// The unquoted values of TOML: booleans, integers (decimal, `0x`, `0o`, `0b`, with `_` between
/// digits), floats (`inf`, `nan`, fractions and exponents) and dates and times (RFC 3339, with `T`,
/// `t` or a space between date and time; seconds optional as TOML 1.1 allows).
enum TOMLBareValue {
    static func isValid(_ text: String) -> Bool {
        if text == "true" || text == "false" { return true }
        let scalars = Array(text.unicodeScalars)
        return isInteger(scalars) || isFloat(scalars) || isDateTime(scalars)
    }

    private static func isDigit(_ scalar: Unicode.Scalar, radix: Int = 10) -> Bool {
        switch radix {
        case 16: return ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
        case 8: return ("0"..."7").contains(scalar)
        case 2: return scalar == "0" || scalar == "1"
        default: return ("0"..."9").contains(scalar)
        }
    }

    /// Digits with single underscores between them (`1_000`).
    private static func isDigits(_ scalars: ArraySlice<Unicode.Scalar>, radix: Int = 10) -> Bool {
        guard let first = scalars.first, let last = scalars.last, isDigit(first, radix: radix), isDigit(last, radix: radix) else { return false }
        var previousUnderscore = false
        for scalar in scalars {
            if scalar == "_" {
                if previousUnderscore { return false }
                previousUnderscore = true
            } else if isDigit(scalar, radix: radix) {
                previousUnderscore = false
            } else {
                return false
            }
        }
        return true
    }

    /// A decimal integer part: no leading zero unless it is `0`.
    private static func isDecimal(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        isDigits(scalars) && (scalars.first != "0" || scalars.count == 1)
    }

    private static func unsigned(_ scalars: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        scalars.first == "+" || scalars.first == "-" ? scalars.dropFirst() : scalars[...]
    }

    static func isInteger(_ scalars: [Unicode.Scalar]) -> Bool {
        if scalars.count > 2, scalars[0] == "0" {
            switch scalars[1] {
            case "x": return isDigits(scalars.dropFirst(2), radix: 16)
            case "o": return isDigits(scalars.dropFirst(2), radix: 8)
            case "b": return isDigits(scalars.dropFirst(2), radix: 2)
            default: break
            }
        }
        return isDecimal(unsigned(scalars))
    }

    static func isFloat(_ scalars: [Unicode.Scalar]) -> Bool {
        let body = unsigned(scalars)
        if body.elementsEqual("inf".unicodeScalars) || body.elementsEqual("nan".unicodeScalars) { return true }
        var integerPart = body
        var exponent: ArraySlice<Unicode.Scalar>?
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            integerPart = body[..<e]
            var rest = body[(e + 1)...]
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            exponent = rest
        }
        var fraction: ArraySlice<Unicode.Scalar>?
        if let dot = integerPart.firstIndex(of: ".") {
            fraction = integerPart[(dot + 1)...]
            integerPart = integerPart[..<dot]
        }
        guard fraction != nil || exponent != nil, isDecimal(integerPart) else { return false }
        if let fraction, !isDigits(fraction) { return false }
        if let exponent, !isDigits(exponent) { return false }
        return true
    }

    /// `1979-05-27`, `07:32:00`, `1979-05-27T07:32:00.999-07:00`, `1979-05-27 07:32Z`.
    static func isDateTime(_ scalars: [Unicode.Scalar]) -> Bool {
        var rest = scalars[...]
        var sawDate = false
        if rest.count >= 10, isFixed(rest.prefix(10), "dddd-dd-dd") {
            sawDate = true
            rest = rest.dropFirst(10)
            guard let separator = rest.first else { return true }
            guard separator == "T" || separator == "t" || separator == " " else { return false }
            rest = rest.dropFirst()
        }
        guard rest.count >= 5, isFixed(rest.prefix(5), "dd:dd") else { return false }
        rest = rest.dropFirst(5)
        if rest.count >= 3, isFixed(rest.prefix(3), ":dd") {
            rest = rest.dropFirst(3)
            if rest.first == "." {
                let digits = rest.dropFirst().prefix(while: { isDigit($0) })
                guard !digits.isEmpty else { return false }
                rest = rest.dropFirst(1 + digits.count)
            }
        }
        if rest.isEmpty { return true }
        // an offset belongs to a date-time only
        guard sawDate else { return false }
        if rest.elementsEqual("Z".unicodeScalars) || rest.elementsEqual("z".unicodeScalars) { return true }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return false }
        return rest.count == 6 && isFixed(rest.dropFirst(), "dd:dd")
    }

    /// `pattern`'s `d` is a digit; other characters stand for themselves.
    private static func isFixed(_ scalars: ArraySlice<Unicode.Scalar>, _ pattern: String) -> Bool {
        let expected = Array(pattern.unicodeScalars)
        guard scalars.count == expected.count else { return false }
        return zip(scalars, expected).allSatisfy { scalar, want in want == "d" ? isDigit(scalar) : scalar == want }
    }
}
