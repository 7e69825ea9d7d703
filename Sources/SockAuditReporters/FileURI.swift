/// Finding paths as URI references: percent-encoded, forward slashes, dot segments folded.
enum FileURI {
    /// The segments of a path with empty and `.` segments dropped and `..` folded into its parent.
    /// A relative path keeps the `..` segments that climb above its start.
    static func segments(of path: String) -> [String] {
        let absolute = path.hasPrefix("/")
        var result: [String] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                if let last = result.last, last != ".." {
                    result.removeLast()
                } else if !absolute {
                    result.append("..")
                }
            default: result.append(String(segment))
            }
        }
        return result
    }

    /// Every byte but RFC 3986 unreserved characters is encoded, so no segment can be read as a scheme
    /// (`host:probe`), a query, a fragment or a form-encoded space.
    static func encoded(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    static func decoded(_ segment: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(segment.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A directory URI that relative finding paths resolve against (SARIF's `%SRCROOT%`).
struct BaseURI: Hashable {
    /// Scheme and authority: `file://` for a local directory.
    var prefix: String
    /// The directory's path segments, as written in the URI (encoded).
    var directory: [String]

    init(_ raw: String) {
        if raw.hasPrefix("/") {
            prefix = "file://"
            directory = FileURI.segments(of: raw).map(FileURI.encoded)
        } else if let separator = raw.range(of: "://") {
            let rest = raw[separator.upperBound...]
            let pathStart = rest.firstIndex(of: "/") ?? rest.endIndex
            prefix = String(raw[..<pathStart])
            directory = FileURI.segments(of: String(raw[pathStart...]))
        } else {
            prefix = raw
            directory = []
        }
    }

    /// Always ends with `/`, as SARIF requires of a base URI.
    var string: String { prefix + "/" + directory.map { $0 + "/" }.joined() }

    /// The path relative to this directory (segments, unencoded) if an absolute path lies inside it.
    func relative(_ absoluteSegments: [String]) -> [String]? {
        guard prefix == "file://" else { return nil }
        let decoded = directory.map(FileURI.decoded)
        guard absoluteSegments.count > decoded.count, Array(absoluteSegments.prefix(decoded.count)) == decoded
        else { return nil }
        return Array(absoluteSegments.dropFirst(decoded.count))
    }

    /// An absolute URI for a relative path that climbs out of this directory.
    func resolving(_ relativeSegments: [String]) -> String {
        var segments = directory
        var rest = relativeSegments[...]
        while rest.first == ".." {
            rest = rest.dropFirst()
            if !segments.isEmpty { segments.removeLast() }
        }
        return prefix + "/" + (segments + rest.map(FileURI.encoded)).joined(separator: "/")
    }
}
