extension StringProtocol {
    /// The text without any of `characters` at either end (`" \t"`, `" \"'"`). Foundation's
    /// `trimmingCharacters(in:)` takes a CharacterSet and is not available to every module here.
    public func trimming(_ characters: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
