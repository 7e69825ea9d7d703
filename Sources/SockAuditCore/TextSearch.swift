/// Substring tests on UTF-8 bytes for the pre-parse checks every file goes through. Foundation's
/// `String.contains` goes through locale-aware CFString search and showed up as a tenth of a
/// sweep's CPU; a byte scan gives the same answer for the ASCII needles used here.
public enum TextSearch {
    public static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            let needleBytes = Array(needle.utf8)
            guard let first = needleBytes.first, haystack.count >= needleBytes.count else { return needleBytes.isEmpty }
            let last = haystack.count - needleBytes.count
            var index = 0
            while index <= last {
                if haystack[index] == first {
                    var matched = 1
                    while matched < needleBytes.count && haystack[index + matched] == needleBytes[matched] { matched += 1 }
                    if matched == needleBytes.count { return true }
                }
                index += 1
            }
            return false
        }
    }
}
