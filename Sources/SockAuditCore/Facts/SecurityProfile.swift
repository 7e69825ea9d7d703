/// A seccomp or AppArmor profile as the container gets it.
public enum SecurityProfile: Hashable, Sendable {
    case unconfined
    case runtimeDefault
    /// A named or file-based profile (`localhost/my-profile`, `/etc/docker/seccomp.json`).
    case custom(String)
}

/// SELinux labelling as the container gets it.
public enum SELinuxLabel: Hashable, Sendable {
    /// Labelling turned off (`label=disable`, `label:disable`).
    case disabled
    /// A process type (`spc_t` is the unconfined "super privileged container" type).
    case type(String)
}
