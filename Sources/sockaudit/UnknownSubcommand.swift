import Foundation

/// `scan` is the default subcommand, so `sockaudit hots` would otherwise be scanned as a path and
/// fail with "hots: no such file". A first word that is no subcommand, no option and no existing
/// path, and that does not look like a path (no `/`, no `.`), is taken as a misspelt subcommand.
enum UnknownSubcommand {
    /// The usage error for `arguments` (without the program name), or nil when they are fine.
    static func message(_ arguments: [String], subcommands: [String], exists: (String) -> Bool) -> String? {
        guard let first = arguments.first, !first.isEmpty, first != "-", !first.hasPrefix("-"),
            !subcommands.contains(first), !first.contains("/"), !first.contains("."), !exists(first)
        else { return nil }
        var text = "sockaudit: '\(first)' is neither a subcommand nor an existing path"
        if let guess = closest(to: first, in: subcommands) {
            text += "; did you mean '\(guess)'?"
        } else {
            text += "; subcommands: \(subcommands.joined(separator: ", "))"
        }
        return text + "\n(to scan a path, name one that exists, or write ./\(first))"
    }

    /// The subcommand within two edits of `word`, the nearest first.
    static func closest(to word: String, in candidates: [String]) -> String? {
        candidates.map { ($0, distance(word.lowercased(), $0)) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance, with a transposition counted as one edit (`hots` → `host`).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
