import CYaml
import SockAuditCore

/// Builds located `Node` trees straight from libyaml's events (the copy vendored by Yams), without
/// Yams' own composer: several times faster on a sweep, iterative (deep nesting cannot overflow the
/// stack), and able to report a duplicate key at the duplicate itself. Aliases share the anchored
/// node, so an inherited value keeps the anchor's line; every alias use is charged to a node budget
/// so an alias bomb is refused instead of expanded.
struct YAMLComposer {
    private var budget: Int
    private var anchors: [String: (node: Node, size: Int)] = [:]
    /// Only to tell what a refused file is (`YAMLParser.outline`): a duplicate key is kept, never judged.
    private let allowsDuplicateKeys: Bool

    init(budget: Int, allowsDuplicateKeys: Bool = false) {
        self.budget = budget
        self.allowsDuplicateKeys = allowsDuplicateKeys
    }

    /// A collection being built, with the size of its subtree so far. Plain stored arrays (not an
    /// enum's payload), so a child is appended in place on the stack: taking the payload out and
    /// putting it back copied and retained the frame for every node of a file.
    private struct Frame {
        var isMapping: Bool
        var items: [Node] = []
        var pairs: [Node.Pair] = []
        var pendingKey: Node?
        var line: Int
        var column: Int
        var anchor: String?
        var tag: String?
        var size = 1

        mutating func add(_ node: Node, size: Int) {
            self.size += size
            if !isMapping {
                items.append(node)
            } else if let key = pendingKey {
                pendingKey = nil
                pairs.append(Node.Pair(key: key, value: node))
            } else {
                pendingKey = node
            }
        }
    }

    mutating func compose(_ text: String) -> YAMLParser.Result {
        var documents: [Node] = []
        var text = text
        let error: ParseError? = text.withUTF8 { bytes -> ParseError? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return ParseError("the YAML parser could not be started (out of memory)", line: 1, column: 1)
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!, bytes.count)
            let end = EndOfInput(bytes)
            var stack: [Frame] = []
            var root: (node: Node, size: Int)?
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return Self.error(of: parser, in: bytes, end: end) }
                defer { yaml_event_delete(&event) }
                let (line, column) = end.position(event.start_mark)
                var finished: (node: Node, size: Int, anchor: String?)?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_DOCUMENT_START_EVENT:
                    anchors.removeAll(keepingCapacity: true)
                    root = nil
                case YAML_DOCUMENT_END_EVENT:
                    documents.append(root?.node ?? Node(.scalar(.init("", isPlain: true)), line: line, column: column))
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE && !Self.isStringTag(scalar.tag)
                    finished = (Node(.scalar(.init(value, isPlain: plain)), line: line, column: column, tag: Self.localTag(scalar.tag)), 1, Self.string(scalar.anchor))
                case YAML_ALIAS_EVENT:
                    let name = Self.string(event.data.alias.anchor) ?? ""
                    guard let anchored = anchors[name] else {
                        return ParseError("unknown alias *\(name)", line: line, column: column)
                    }
                    finished = (anchored.node, anchored.size, nil)
                case YAML_SEQUENCE_START_EVENT:
                    stack.append(Frame(isMapping: false, line: line, column: column, anchor: Self.string(event.data.sequence_start.anchor),
                                       tag: Self.localTag(event.data.sequence_start.tag)))
                case YAML_MAPPING_START_EVENT:
                    stack.append(Frame(isMapping: true, line: line, column: column, anchor: Self.string(event.data.mapping_start.anchor),
                                       tag: Self.localTag(event.data.mapping_start.tag)))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { continue }
                    if !frame.isMapping {
                        finished = (Node(.sequence(frame.items), line: frame.line, column: frame.column, tag: frame.tag), frame.size, frame.anchor)
                    } else {
                        if !allowsDuplicateKeys, let duplicate = Self.duplicateKey(in: frame.pairs) {
                            return ParseError(
                                "duplicate key \"\(duplicate.string ?? "")\" in one mapping: loaders disagree on which value wins, so the file is refused",
                                line: duplicate.line, column: duplicate.column)
                        }
                        finished = (Node(.mapping(Self.merged(frame.pairs)), line: frame.line, column: frame.column, tag: frame.tag), frame.size, frame.anchor)
                    }
                default:
                    continue
                }
                guard let (node, size, anchor) = finished else { continue }
                budget -= size
                if budget < 0 {
                    return ParseError("aliases expand this YAML beyond the node limit (an alias bomb?)", line: line, column: column)
                }
                if let anchor { anchors[anchor] = (node, size) }
                if stack.isEmpty {
                    root = (node, size)
                } else {
                    stack[stack.count - 1].add(node, size: size)
                }
            }
        }
        return YAMLParser.Result(documents: documents, error: error)
    }

    /// `<<: *a` and `<<: [*a, *b]`: merged keys go after the explicit ones, which win; among
    /// merged sources the first listed wins.
    private static func merged(_ pairs: [Node.Pair]) -> [Node.Pair] {
        guard pairs.contains(where: isMergeKey) else { return pairs }
        var result = pairs.filter { !isMergeKey($0) }
        var present = Set(result.compactMap { $0.key.string })
        for pair in pairs where isMergeKey(pair) {
            let sources = pair.value.sequence ?? [pair.value]
            for source in sources {
                for inherited in source.pairs ?? [] {
                    guard let key = inherited.key.string, !present.contains(key) else { continue }
                    present.insert(key)
                    result.append(inherited)
                }
            }
        }
        return result
    }

    private static func isMergeKey(_ pair: Node.Pair) -> Bool {
        guard case .scalar(let key) = pair.key.content else { return false }
        return key.isPlain && key.text == "<<"
    }

    /// The second occurrence of a scalar key already present in the mapping.
    private static func duplicateKey(in pairs: [Node.Pair]) -> Node? {
        guard pairs.count > 1 else { return nil }
        // Most mappings have a handful of keys: comparing each with those before it is cheaper
        // than hashing them all into a set, and finds the same second occurrence.
        if pairs.count <= 12 {
            for later in 1..<pairs.count {
                guard let key = pairs[later].key.string, !isMergeKey(pairs[later]) else { continue }
                for earlier in 0..<later where !isMergeKey(pairs[earlier]) && pairs[earlier].key.string == key {
                    return pairs[later].key
                }
            }
            return nil
        }
        var seen = Set<String>()
        for pair in pairs {
            guard let key = pair.key.string, !isMergeKey(pair) else { continue }
            if !seen.insert(key).inserted { return pair.key }
        }
        return nil
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    /// An application's tag (`!Ref`, or one a `%TAG` directive names), kept on the node; YAML's own
    /// (`tag:yaml.org,2002:…`, written `!!str`) and a bare `!` (non-specific) only type the value.
    private static func localTag(_ tag: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let text = string(tag), text != "!", !text.hasPrefix("tag:yaml.org,2002:") else { return nil }
        return text
    }

    /// `!!str 123` is a string even though it is written plain.
    private static func isStringTag(_ tag: UnsafeMutablePointer<yaml_char_t>?) -> Bool {
        string(tag) == "tag:yaml.org,2002:str"
    }

    private static func error(of parser: yaml_parser_t, in bytes: UnsafeBufferPointer<UInt8>, end: EndOfInput) -> ParseError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let context = parser.context.map { String(cString: $0) }
        let detail = context.map { "\(problem) (\($0))" } ?? problem
        if parser.error == YAML_READER_ERROR {
            let (line, column) = TextPosition.of(byte: min(Int(parser.problem_offset), bytes.count), in: bytes)
            return ParseError("unreadable YAML: \(detail)", line: line, column: column)
        }
        // A plain line that is not a key (`could not find expected ':'`): libyaml marks where it
        // gave up looking, the start of the next line; the line at fault is where the key began.
        let mark = context == "while scanning a simple key" ? parser.context_mark : parser.problem_mark
        let (line, column) = end.position(mark)
        return ParseError("invalid YAML: \(detail)", line: line, column: column)
    }

}

/// libyaml ends a stream that lacks a final line break with a break of its own, so a mark at the
/// very end would name a line the file does not have; such marks go back to the end of the last line.
private struct EndOfInput {
    /// Characters in the input as libyaml counts them (UTF-8 sequences), and the 1-based column
    /// just past the last one; nil when the input ends with a line break (no mark goes past it).
    private var end: (characters: Int, column: Int)?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let last = bytes.last, !Self.endsWithBreak(bytes, last) else { return }
        var characters = 0
        var column = 1
        for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            characters += 1
            column += 1
            if byte == 0x0A || byte == 0x0D { column = 1 }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 { column = 0 }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 { column = 0 }
        }
        end = (characters, column)
    }

    private static func endsWithBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ last: UInt8) -> Bool {
        let count = bytes.count
        if last == 0x0A || last == 0x0D { return true }
        if last == 0x85 && count >= 2 && bytes[count - 2] == 0xC2 { return true }
        return (last == 0xA8 || last == 0xA9) && count >= 3 && bytes[count - 3] == 0xE2 && bytes[count - 2] == 0x80
    }

    /// 1-based line and column of a libyaml mark.
    func position(_ mark: yaml_mark_t) -> (line: Int, column: Int) {
        if let end, mark.column == 0, mark.line > 0, Int(mark.index) >= end.characters {
            return (Int(mark.line), end.column)
        }
        return (Int(mark.line) + 1, Int(mark.column) + 1)
    }
}
