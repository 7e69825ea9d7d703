import SockAuditCore

/// A TOML string value read again from the text it was parsed from, each decoded character with
/// the line and column it is written at (an escape at its backslash), for a document held in the
/// string (a GitLab Runner `pod_spec` patch) whose findings must land on the lines the user wrote.
public enum TOMLStringSource {
    /// `text`: what the node was parsed from; `line`:`column`: the string's opening quote there.
    public static func source(in text: String, line: Int, column: Int) -> ShellSource? {
        var reader = TOMLReader(TextDecoding.unixLineEnds(text))
        guard reader.seek(line: line, column: column) else { return nil }
        var source = ShellSource()
        guard reader.peek() == "\"" || reader.peek() == "'" else { return nil }
        do {
            try TOMLStrings.read(&reader, into: &source)
        } catch {
            return nil
        }
        return source
    }
}
