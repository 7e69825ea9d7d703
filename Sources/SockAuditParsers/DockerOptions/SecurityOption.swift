import SockAuditCore

/// One `--security-opt` / `security_opt:` / `HostConfig.SecurityOpt` entry, read by dockerd's
/// grammar (the docker CLI, Compose and Podman pass the text through to it unchanged):
/// - the name and value are split at the first `=`, or, when there is none, at the first `:`
///   (the older spelling, still accepted);
/// - names and the special values are case-sensitive: `seccomp=Unconfined` names a profile file
///   called "Unconfined", it is not the unconfined profile;
/// - `no-new-privileges` stands alone or takes a Go `ParseBool` value; a bare `disable` is
///   `label=disable`.
/// An option Docker rejects is nil: the container is never created with it.
public enum SecurityOption: Hashable, Sendable {
    case seccomp(SecurityProfile)
    case appArmor(SecurityProfile)
    case label(SELinuxOption)
    case noNewPrivileges(Bool)
    /// An option sockaudit does not judge (`systempaths=unconfined`, `mask=…`, `proc-opts=…`).
    case other(name: String, value: String)

    /// What a `label` option does.
    public enum SELinuxOption: Hashable, Sendable {
        /// `label=disable`: no labelling at all.
        case disabled
        /// `label=type:spc_t`.
        case type(String)
        /// `label=user:…`, `role:…`, `level:…`, `filetype:…`, `nested`.
        case other(String)
    }

    public static func parse(_ text: String) -> SecurityOption? {
        if text == "no-new-privileges" { return .noNewPrivileges(true) }
        if text == "disable" { return .label(.disabled) }
        let separator = text.firstIndex(of: "=") ?? text.firstIndex(of: ":")
        guard let separator else { return nil }
        let name = String(text[..<separator])
        let value = String(text[text.index(after: separator)...])
        switch name {
        case "seccomp":
            switch value {
            case "unconfined": return .seccomp(.unconfined)
            case "builtin", "": return .seccomp(.runtimeDefault)
            default: return .seccomp(.custom(value))
            }
        case "apparmor":
            switch value {
            case "unconfined": return .appArmor(.unconfined)
            case "docker-default": return .appArmor(.runtimeDefault)
            case "": return nil
            default: return .appArmor(.custom(value))
            }
        case "label":
            if value == "disable" { return .label(.disabled) }
            if value == "nested" { return .label(.other(value)) }
            // SELinux options are `key:value`; `type=spc_t` is refused by the label library.
            guard let colon = value.firstIndex(of: ":") else { return nil }
            let key = value[..<colon]
            let labelValue = String(value[value.index(after: colon)...])
            switch key {
            case "type": return .label(.type(labelValue))
            case "user", "role", "level", "filetype": return .label(.other(value))
            default: return nil
            }
        case "no-new-privileges":
            return BooleanSpelling.go(value).map(SecurityOption.noNewPrivileges)
        case "":
            return nil
        default:
            return .other(name: name, value: value)
        }
    }

    /// Sets the container's seccomp, AppArmor, SELinux or no-new-privileges fact from the option.
    /// Nothing changes for an option Docker rejects or one that is not judged.
    public static func apply(_ text: String, at location: SourceLocation, spelling: String, to spec: inout ContainerSpec) {
        switch parse(text) {
        case .seccomp(let profile): spec.seccomp = Setting(profile, at: location, spelling: spelling)
        case .appArmor(let profile): spec.appArmor = Setting(profile, at: location, spelling: spelling)
        case .label(.disabled): spec.seLinux = Setting(.disabled, at: location, spelling: spelling)
        case .label(.type(let type)): spec.seLinux = Setting(.type(type), at: location, spelling: spelling)
        case .noNewPrivileges(let enabled): spec.noNewPrivileges = Setting(enabled, at: location, spelling: spelling)
        case .label(.other), .other, nil: break
        }
    }
}
