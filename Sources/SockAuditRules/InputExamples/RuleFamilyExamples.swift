import SockAuditCore

/// The per-rule examples of the container rules (SA302-SA308, SA401-SA405, SA501, SA502) in the
/// inputs read since the rules were written, kept by rule family (`PrivilegeLocationExamples`,
/// `IsolationLocationExamples`, `ResourceLocationExamples`) and appended to each rule's own
/// examples by `InputExamples`.
enum RuleFamilyExamples {
    static let byRule: [String: [InputExamples.Examples]] = [
        "SA302": [(PrivilegeLocationExamples.capabilityFiring, PrivilegeLocationExamples.capabilitySilent)],
        "SA303": [(PrivilegeLocationExamples.capabilitiesNotDroppedFiring, PrivilegeLocationExamples.capabilitiesNotDroppedSilent)],
        "SA304": [(PrivilegeLocationExamples.seccompFiring, PrivilegeLocationExamples.seccompSilent)],
        "SA305": [(PrivilegeLocationExamples.macFiring, PrivilegeLocationExamples.macSilent)],
        "SA306": [(PrivilegeLocationExamples.noNewPrivilegesFiring, PrivilegeLocationExamples.noNewPrivilegesSilent)],
        "SA307": [(PrivilegeLocationExamples.writableRootFiring, PrivilegeLocationExamples.writableRootSilent)],
        "SA308": [(PrivilegeLocationExamples.runsAsRootFiring, PrivilegeLocationExamples.runsAsRootSilent)],
        "SA401": [(IsolationLocationExamples.hostPIDFiring, IsolationLocationExamples.hostPIDSilent)],
        "SA402": [(IsolationLocationExamples.hostNetworkFiring, IsolationLocationExamples.hostNetworkSilent)],
        "SA403": [(IsolationLocationExamples.hostIPCFiring, IsolationLocationExamples.hostIPCSilent)],
        "SA404": [(IsolationLocationExamples.hostUsernsFiring, IsolationLocationExamples.hostUsernsSilent)],
        "SA405": [(IsolationLocationExamples.sensitivePathFiring, IsolationLocationExamples.sensitivePathSilent)],
        "SA501": [(ResourceLocationExamples.memoryFiring, ResourceLocationExamples.silent)],
        "SA502": [(ResourceLocationExamples.cpuFiring, ResourceLocationExamples.silent)],
    ]
}
