import SockAuditCore

/// Configuration files held as string scalars of a YAML file (a ConfigMap's `config.toml: |`, a Helm
/// chart's `runners.config: |`, an act_runner `config.yaml: |`): every scalar anywhere in the
/// documents whose text `holds` accepts, each with its text located in the file, so the caller
/// parses it on its own and moves its nodes back to the lines the user wrote. The file's text is
/// decoded only when a scalar is accepted; its lines come back too, for values of the embedded
/// configuration that are read as scalars of the file again (act_runner's `container.options`).
struct EmbeddedConfigStrings {
    var strings: [EmbeddedText] = []
    var fileLines: [Substring] = []

    init(in documents: [Node], file: SourceFile, holds: (String) -> Bool) {
        var accepted: [Node] = []
        var pending = documents
        while let node = pending.popLast() {
            switch node.content {
            case .sequence(let items): pending += items
            case .mapping(let pairs): pending += pairs.map(\.value)
            case .scalar(let scalar): if holds(scalar.text) { accepted.append(node) }
            }
        }
        guard !accepted.isEmpty, case .success(let text) = TextDecoding.decode(file.bytes) else { return }
        fileLines = TextDecoding.unixLineEnds(text).split(separator: "\n", omittingEmptySubsequences: false)
        strings = accepted.compactMap { [fileLines] in YAMLScalarSource.source($0, fileLines: fileLines).map(EmbeddedText.init) }
    }
}
