/// A Linux capability as the runtimes read it: case-insensitive, with or without `CAP_`
/// (`cap_sys_admin`, `SYS_ADMIN` and `CAP_SYS_ADMIN` are one capability), and `ALL`. Facts carry
/// the canonical spelling, upper case without the prefix, so a rule compares names, not spellings.
public enum CapabilityName {
    public static func canonical(_ raw: String) -> String {
        let upper = raw.filter { $0 != " " && $0 != "\t" }.uppercased()
        return upper.hasPrefix("CAP_") ? String(upper.dropFirst(4)) : upper
    }

    /// `--cap-add SYS_ADMIN,NET_RAW`: the names of a comma-separated flag value, empty ones left out.
    public static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { canonical(String($0)) }.filter { !$0.isEmpty }
    }
}
