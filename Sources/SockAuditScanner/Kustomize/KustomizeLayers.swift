import Foundation
import SockAuditCore
import SockAuditParsers

/// One file's part in a built resource: the document that declared it, or a patch that changed it
/// (a strategic-merge document, or one JSON 6902 operation). Positions are in the file the layer
/// is shown under.
struct KustomizeLayer {
    enum Shape {
        /// A whole document or a strategic-merge patch: matched key by key from the root.
        case document(Node)
        /// `add`/`replace` at a JSON pointer (`/spec/template/spec/hostPID`) with this value.
        case operation(pointer: [String], value: Node)
    }

    var file: String
    var shape: Shape
    /// Where the layer's text starts in its file (an inline patch sits inside kustomization.yaml).
    var lineOffset = 0
    var columnOffset = 0

    func location(of node: Node) -> SourceLocation {
        SourceLocation(path: file, line: node.line + lineOffset, column: node.column + columnOffset)
    }
}

/// Which patches apply to a built resource, and in what order: a patch names its target by its
/// own `kind` and `metadata.name` (strategic merge) or by a `target:` selector. Names in the built
/// output carry prefixes and suffixes (`namePrefix: prod-`, a generator's hash), so a name matches
/// when the built name contains it.
struct KustomizePatch {
    var layers: [KustomizeLayer]
    var targetKind: String?
    var targetName: String?

    func applies(kind: String?, name: String?) -> Bool {
        if let targetKind, targetKind != kind { return false }
        guard let targetName else { return true }
        guard let name else { return false }
        if name.contains(targetName) { return true }
        // `patches:` targets take a regular expression for the name.
        guard targetName.contains(where: { "^$.*+?[]()|\\".contains($0) }),
              let pattern = try? NSRegularExpression(pattern: targetName) else { return false }
        return pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
    }

    /// The patches one kustomization declares, in the order it applies them.
    static func declared(by kustomization: Kustomization, text: String, shown: (String) -> String, maxFileSize: Int) -> [KustomizePatch] {
        guard let root = kustomization.root else { return [] }
        var patches: [KustomizePatch] = []
        let file = kustomization.file
        func documents(ofFile relative: String) -> (shown: String, documents: [Node])? {
            guard let real = Discovery.realPath(kustomization.folder + "/" + relative),
                  let content = ChartFolder.text(real, limit: maxFileSize) else { return nil }
            return (shown(real), YAMLParser.parse(content).documents)
        }
        func inline(_ node: Node) -> (documents: [Node], lineOffset: Int, columnOffset: Int)? {
            guard let body = node.string else { return nil }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard body.contains("\n"), node.line - 1 < lines.count else { return nil }
            // A block scalar (`patch: |-`): its text starts on the next non-blank line.
            var first = node.line
            while first < lines.count, lines[first].allSatisfy(\.isWhitespace) { first += 1 }
            guard first < lines.count else { return nil }
            let indent = lines[first].prefix { $0 == " " }.count
            return (YAMLParser.parse(body).documents, first, indent)
        }
        func add(_ documents: [Node], file: String, lineOffset: Int, columnOffset: Int, target: Node?) {
            for document in documents {
                if let operations = document.sequence {
                    let layers = operations.compactMap { operation -> KustomizeLayer? in
                        guard let op = operation["op"]?.string, op == "add" || op == "replace",
                              let pointer = operation["path"]?.string, let value = operation["value"] else { return nil }
                        return KustomizeLayer(
                            file: file, shape: .operation(pointer: Self.tokens(pointer), value: value), lineOffset: lineOffset, columnOffset: columnOffset)
                    }
                    patches.append(KustomizePatch(layers: layers, targetKind: target?["kind"]?.string, targetName: target?["name"]?.string))
                } else if document.isMapping {
                    let layer = KustomizeLayer(file: file, shape: .document(document), lineOffset: lineOffset, columnOffset: columnOffset)
                    patches.append(KustomizePatch(
                        layers: [layer], targetKind: target?["kind"]?.string ?? document["kind"]?.string,
                        targetName: target?["name"]?.string ?? document["metadata"]?["name"]?.string))
                }
            }
        }
        for item in root["patchesStrategicMerge"]?.sequence ?? [] {
            if let relative = item.string, !relative.contains("\n"), let found = documents(ofFile: relative) {
                add(found.documents, file: found.shown, lineOffset: 0, columnOffset: 0, target: nil)
            } else if let body = inline(item) {
                add(body.documents, file: file, lineOffset: body.lineOffset, columnOffset: body.columnOffset, target: nil)
            }
        }
        for key in ["patches", "patchesJson6902"] {
            for item in root[key]?.sequence ?? [] {
                if let relative = item["path"]?.string, let found = documents(ofFile: relative) {
                    add(found.documents, file: found.shown, lineOffset: 0, columnOffset: 0, target: item["target"])
                } else if let patch = item["patch"], let body = inline(patch) {
                    add(body.documents, file: file, lineOffset: body.lineOffset, columnOffset: body.columnOffset, target: item["target"])
                }
            }
        }
        return patches
    }

    /// A JSON pointer's tokens, unescaped (`~1` is `/`, `~0` is `~`).
    static func tokens(_ pointer: String) -> [String] {
        pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }
}
