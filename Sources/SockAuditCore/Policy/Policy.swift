#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Applies configuration and suppressions to the engine's findings. It marks, never drops: a
/// suppressed finding stays in the result with its reason, and a suppression that matched nothing
/// (or has expired) is itself reported, so accepted risk never goes stale in silence.
public struct Policy: Sendable {
    public var configuration: Configuration
    /// Today as `YYYY-MM-DD`, passed in so the policy stays pure.
    public var today: String
    /// `false` with `--no-suppress`: every finding shows.
    public var honoursSuppressions: Bool
    /// The catalogue, to read slugs in directives and to describe stale suppressions.
    public var rules: [RuleDescription]
    /// The description stale suppressions are reported under (SA903).
    public var staleSuppression: RuleDescription

    public init(
        configuration: Configuration, today: String, honoursSuppressions: Bool, rules: [RuleDescription],
        staleSuppression: RuleDescription
    ) {
        self.configuration = configuration
        self.today = today
        self.honoursSuppressions = honoursSuppressions
        self.rules = rules
        self.staleSuppression = staleSuppression
    }

    /// IDs of rules the policy step itself reports, which no suppression may hide.
    static let policyRuleIDs: Set<String> = ["SA902", "SA903"]

    /// Generate, configure, suppress. Which suppression covers which finding is worked out first
    /// (for the rules that run; a suppression names rules, not severities); then
    /// 1. generate: the policy's own findings, stale suppressions (SA903), join the engine's;
    /// 2. configure: disabled rules and severity overrides apply to all of them alike, SA903 too;
    /// 3. suppress: each covered finding is marked (the policy's own findings never are).
    public func apply(_ findings: [Finding], directives: [SuppressionDirective]) -> [Finding] {
        let enabled = findings.filter(isEnabled)
        guard honoursSuppressions else { return configure(enabled).sorted(by: Finding.ordered) }
        let matches = SuppressionMatches(enabled, directives: directives, policy: self)
        let generated = enabled + staleFindings(matches)
        var result = configure(generated)
        // `enabled` is a prefix of `result`: configuring drops only disabled policy findings after it
        for (index, suppression) in matches.suppressions.enumerated() {
            result[index].suppression = suppression
        }
        return result.sorted(by: Finding.ordered)
    }

    /// The policy applied one group of findings at a time (a file's findings with that file's
    /// directives), for a scan that streams its findings: a directive covers findings in its own
    /// file only, so a file is judged with its own. `.sockaudit.yml` suppressions count their
    /// matches across groups; the ones that matched nothing (and expired ones) come from `finish()`.
    /// Over one group holding everything, `judge` + `finish` is `apply`.
    public struct Run: Sendable {
        let policy: Policy
        var usedPathSuppressions = Set<Int>()

        public init(_ policy: Policy) {
            self.policy = policy
        }

        /// The group's findings and its stale directives, configured and suppressed, in order.
        public mutating func judge(_ findings: [Finding], directives: [SuppressionDirective]) -> [Finding] {
            let enabled = findings.filter(policy.isEnabled)
            guard policy.honoursSuppressions, !(directives.isEmpty && policy.configuration.suppressions.isEmpty) else {
                return policy.configure(enabled).sorted(by: Finding.ordered)
            }
            let matches = SuppressionMatches(enabled, directives: directives, policy: policy)
            usedPathSuppressions.formUnion(matches.usedPathSuppressions)
            var result = policy.configure(enabled + policy.staleDirectives(matches))
            for (index, suppression) in matches.suppressions.enumerated() {
                result[index].suppression = suppression
            }
            return result.sorted(by: Finding.ordered)
        }

        /// `.sockaudit.yml` suppressions that expired or matched nothing in the whole scan.
        public func finish() -> [Finding] {
            guard policy.honoursSuppressions else { return [] }
            return policy.configure(policy.stalePathSuppressions(used: usedPathSuppressions)).sorted(by: Finding.ordered)
        }
    }

    private func isEnabled(_ finding: Finding) -> Bool {
        !configuration.disabledRules.contains(finding.ruleID)
    }

    /// Disabled rules left out, severity overrides applied.
    private func configure(_ findings: [Finding]) -> [Finding] {
        findings.filter(isEnabled).map { finding in
            var configured = finding
            if let severity = configuration.severities[finding.ruleID] { configured.severity = severity }
            return configured
        }
    }

    /// Which suppression covers each finding, and which suppressions covered nothing.
    struct SuppressionMatches {
        let justified: [SuppressionDirective]
        /// One entry per finding, in order; nil where nothing covers it.
        private(set) var suppressions: [Suppression?] = []
        private(set) var usedDirectives = Set<Int>()
        private(set) var usedPathSuppressions = Set<Int>()

        init(_ findings: [Finding], directives: [SuppressionDirective], policy: Policy) {
            justified = directives.filter(\.isJustified)
            let nearby = DirectiveIndex(justified, canonicalIDs: policy.canonicalIDs())
            let pathSuppressions = policy.configuration.suppressions
            suppressions = findings.map { finding in
                guard !Policy.policyRuleIDs.contains(finding.ruleID) else { return nil }
                if let match = nearby.first(covering: finding) {
                    usedDirectives.insert(match)
                    let directive = justified[match]
                    return Suppression(
                        reason: directive.reason ?? "", source: "\(directive.writtenAt.path):\(directive.writtenAt.line)",
                        kind: directive.sidecar == nil ? .inSource : .external)
                }
                if let match = pathSuppressions.indices.first(where: { policy.covers(pathSuppressions[$0], finding) }) {
                    usedPathSuppressions.insert(match)
                    let suppression = pathSuppressions[match]
                    return Suppression(
                        reason: suppression.reason, source: "\(suppression.location.path):\(suppression.location.line)",
                        kind: .external)
                }
                return nil
            }
        }
    }

    /// SA903: directives and configured suppressions that covered nothing, name no rule, or expired.
    private func staleFindings(_ matches: SuppressionMatches) -> [Finding] {
        staleDirectives(matches) + stalePathSuppressions(used: matches.usedPathSuppressions)
    }

    /// SA903 for directives that covered nothing or name no rule.
    private func staleDirectives(_ matches: SuppressionMatches) -> [Finding] {
        var stale: [Finding] = []
        for (index, directive) in matches.justified.enumerated() where !matches.usedDirectives.contains(index) {
            let unknown = directive.rules.filter { canonicalID($0) == nil }
            let message = unknown.isEmpty
                ? "unused suppression: no \(directive.rules.joined(separator: ", ")) finding on the lines it covers; remove it"
                : "suppression names no known rule: \(unknown.joined(separator: ", "))"
            stale.append(staleSuppression.finding(at: directive.writtenAt, message, evidence: directive.rules.joined(separator: ",")))
        }
        return stale
    }

    /// SA903 for `.sockaudit.yml` suppressions that expired or covered nothing.
    private func stalePathSuppressions(used usedPathSuppressions: Set<Int>) -> [Finding] {
        var stale: [Finding] = []
        for (index, suppression) in configuration.suppressions.enumerated() {
            let message: String
            if let expires = suppression.expires, expires <= today {
                message = "suppression of \(describe(suppression)) expired on \(expires); its findings are reported again"
            } else if !usedPathSuppressions.contains(index) {
                message = "unused suppression of \(describe(suppression)): nothing matched it; remove it"
            } else {
                continue
            }
            stale.append(staleSuppression.finding(at: suppression.location, message, evidence: describe(suppression)))
        }
        return stale
    }

    private func describe(_ suppression: PathSuppression) -> String {
        let rules = suppression.rules.isEmpty ? "every rule" : suppression.rules.joined(separator: ", ")
        return "\(rules) in \(suppression.paths.joined(separator: ", "))"
    }


    fileprivate func covers(_ suppression: PathSuppression, _ finding: Finding) -> Bool {
        if let expires = suppression.expires, expires <= today { return false }
        guard suppression.rules.isEmpty || suppression.rules.contains(finding.ruleID) else { return false }
        return suppression.paths.contains { Glob.matches($0, finding.location.path) }
    }

    /// Lower-cased IDs and slugs -> canonical IDs.
    fileprivate func canonicalIDs() -> [String: String] {
        var ids: [String: String] = [:]
        for rule in rules.reversed() {
            ids[rule.slug] = rule.id
            ids[rule.id.lowercased()] = rule.id
        }
        return ids
    }

    /// A rule ID or slug as written -> the canonical ID, or nil if it names no rule.
    public func canonicalID(_ name: String) -> String? {
        let key = name.lowercased()
        return rules.first { $0.id.lowercased() == key || $0.slug == key }?.id
    }
}

/// Path globs: `*` and `?` within a path segment, `**` across segments; a glob without `/` matches
/// the file name anywhere; a glob naming a folder matches everything under it.
public enum Glob {
    public static func matches(_ glob: String, _ path: String) -> Bool {
        var pattern = glob.hasPrefix("./") ? String(glob.dropFirst(2)) : glob
        let subject = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        if pattern.hasSuffix("/") { pattern += "**" }
        if !pattern.contains("/") {
            let name = subject.split(separator: "/").last.map(String.init) ?? subject
            return fnmatch(pattern, name, 0) == 0 || prefixFolderMatches(pattern, subject)
        }
        return segmentsMatch(Array(pattern.split(separator: "/")), Array(subject.split(separator: "/")))
            || prefixFolderMatches(pattern, subject)
    }

    /// `vendor` or `deploy/legacy` also match every path below that folder.
    private static func prefixFolderMatches(_ pattern: String, _ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.count > 1 else { return false }
        let patternParts = Array(pattern.split(separator: "/"))
        for end in 1..<parts.count {
            if segmentsMatch(patternParts, Array(parts[0..<end])) { return true }
        }
        return false
    }

    private static func segmentsMatch(_ pattern: [Substring], _ path: [Substring]) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            for skip in 0...path.count where segmentsMatch(Array(pattern.dropFirst()), Array(path.dropFirst(skip))) {
                return true
            }
            return false
        }
        guard let head = path.first, fnmatch(String(first), String(head), FNM_PERIOD) == 0 else { return false }
        return segmentsMatch(Array(pattern.dropFirst()), Array(path.dropFirst()))
    }
}

/// Justified directives by file and line, so a finding is checked against the few written near it:
/// a search through every directive for every finding was quadratic on a file of thousands of
/// suppression comments. The first directive (in the given order) that covers a finding wins.
struct DirectiveIndex {
    /// Ranges up to this many lines are entered line by line; longer ones are checked one by one.
    static let spread = 64

    private let directives: [SuppressionDirective]
    private let ruleIDs: [Set<String>]
    private var byLine: [String: [Int: [Int]]] = [:]
    private var wide: [String: [Int]] = [:]

    init(_ directives: [SuppressionDirective], canonicalIDs: [String: String]) {
        self.directives = directives
        ruleIDs = directives.map { Set($0.rules.compactMap { canonicalIDs[$0.lowercased()] }) }
        for (index, directive) in directives.enumerated() {
            let path = directive.location.path
            if directive.lines.count <= Self.spread {
                for line in directive.lines { byLine[path, default: [:]][line, default: []].append(index) }
            } else {
                wide[path, default: []].append(index)
            }
        }
    }

    func first(covering finding: Finding) -> Int? {
        let path = finding.location.path
        let line = finding.location.line
        let near = byLine[path]?[line]?.first { ruleIDs[$0].contains(finding.ruleID) }
        let far = wide[path]?.first { directives[$0].lines.contains(line) && ruleIDs[$0].contains(finding.ruleID) }
        switch (near, far) {
        case (let near?, let far?): return min(near, far)
        case (let near?, nil): return near
        case (nil, let far): return far
        }
    }
}
