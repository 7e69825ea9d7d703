import SockAuditCore

/// Every rule sockaudit ships, in catalogue order.
public enum BuiltInRules {
    public static let all: [any Rule] = [
        RuntimeSocketMountRule(),
        DaemonTCPNoTLSRule(),
        DaemonTLSNoClientVerifyRule(),
        ClientPlainTCPRule(),
        SocketPermissionsRule(),
        DockerGroupMembersRule(),
        SocketForwardedToTCPRule(),
        SocketProxyWriteAccessRule(),
        UsernsRemapOffRule(),
        LiveRestoreOffRule(),
        ICCOnRule(),
        NoNewPrivilegesDefaultOffRule(),
        DaemonSeccompUnconfinedRule(),
        InsecureRegistriesRule(),
        UserlandProxyOnRule(),
        DaemonOptionConflictRule(),
        PrivilegedRule(),
        DangerousCapabilityRule(),
        CapabilitiesNotDroppedRule(),
        SeccompUnconfinedRule(),
        MACDisabledRule(),
        PrivilegeEscalationAllowedRule(),
        WritableRootFSRule(),
        RunsAsRootRule(),
        HostPIDRule(),
        HostNetworkRule(),
        HostIPCRule(),
        HostUsernsRule(),
        SensitiveHostPathRule(),
        MemoryLimitMissingRule(),
        CPULimitMissingRule(),
        PidsLimitMissingRule(),
        RuntimeEscapeCVERule(),
        DataRootSharedFsRule(),
        DaemonAuditRulesMissingRule(),
        UnscannableFileRule(),
        UnjustifiedSuppressionRule(),
        StaleSuppressionRule(),
    ]

    /// A rule by catalogue ID or slug, case-insensitive.
    public static func rule(named name: String) -> (any Rule)? {
        let key = name.lowercased()
        return all.first { $0.description.id.lowercased() == key || $0.description.slug == key }
    }
}
