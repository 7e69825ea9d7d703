/// A value read from an input, with where it was written and how the input spells it
/// (`securityContext.privileged: true`, `--privileged`, `privileged: true`), so a rule can quote it
/// without knowing the format.
public struct Setting<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var location: SourceLocation
    public var spelling: String

    public init(_ value: Value, at location: SourceLocation, spelling: String) {
        self.value = value
        self.location = location
        self.spelling = spelling
    }
}
