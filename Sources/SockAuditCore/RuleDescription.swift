/// Everything that describes a rule: identity, wording, mappings and its own examples.
public struct RuleDescription: Sendable {
    /// The catalogue ID (`SA101`). Permanent.
    public var id: String
    /// The kebab-case slug (`runtime-socket-mount`), accepted wherever an ID is.
    public var slug: String
    public var severity: Severity
    /// One line: what the rule reports.
    public var summary: String
    /// Why it matters, in plain words.
    public var rationale: String
    /// How to fix it; ends with a full stop.
    public var remediation: String
    public var references: [Reference]
    /// The input groups the rule covers, as the catalogue lists them; its examples prove each one
    /// (`RuleInputsTests`).
    public var inputs: [InputGroup]
    public var firingExamples: [Example]
    public var silentExamples: [Example]

    public init(
        id: String, slug: String, severity: Severity, summary: String, rationale: String,
        remediation: String, references: [Reference] = [], inputs: [InputGroup] = [],
        firingExamples: [Example] = [], silentExamples: [Example] = []
    ) {
        self.id = id
        self.slug = slug
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.remediation = remediation
        self.references = references
        self.inputs = inputs
        self.firingExamples = firingExamples
        self.silentExamples = silentExamples
    }

    /// A finding of this rule.
    public func finding(
        at location: SourceLocation, _ message: String, subject: String = "", evidence: String = "",
        written: String? = nil
    ) -> Finding {
        Finding(
            ruleID: id, slug: slug, severity: severity, message: message, location: location,
            subject: subject, evidence: evidence, written: written)
    }
}
