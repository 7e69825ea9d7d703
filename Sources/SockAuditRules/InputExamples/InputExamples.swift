import SockAuditCore

/// Examples of the inputs read since the rules were written (dev containers, MCP configurations,
/// Quadlet units, runner configurations), kept one file per input and appended by each rule to its
/// own examples, so a rule still carries every example that proves it.
enum InputExamples {
    typealias Examples = (firing: [Example], silent: [Example])

    static let byRule: [String: [Examples]] = [
        "SA101": [
            (DevContainerExamples.socketMountFiring, DevContainerExamples.socketMountSilent),
            (MCPConfigExamples.socketMountFiring, MCPConfigExamples.socketMountSilent),
            (TerraformExamples.socketMountFiring, TerraformExamples.socketMountSilent),
            (ECSExamples.socketMountFiring, ECSExamples.socketMountSilent),
            (QuadletExamples.socketMountFiring, QuadletExamples.socketMountSilent),
            (NomadExamples.socketMountFiring, NomadExamples.socketMountSilent),
        ],
        "SA104": [
            (DevContainerExamples.clientPlainTCPFiring, DevContainerExamples.clientPlainTCPSilent),
            (MCPConfigExamples.clientPlainTCPFiring, MCPConfigExamples.clientPlainTCPSilent),
            (TerraformExamples.clientPlainTCPFiring, TerraformExamples.clientPlainTCPSilent),
        ],
        "SA301": [
            (DevContainerExamples.privilegedFiring, DevContainerExamples.privilegedSilent),
            (MCPConfigExamples.privilegedFiring, MCPConfigExamples.privilegedSilent),
            (TerraformExamples.privilegedFiring, TerraformExamples.privilegedSilent),
            (ECSExamples.privilegedFiring, ECSExamples.privilegedSilent),
            (QuadletExamples.privilegedFiring, QuadletExamples.privilegedSilent),
            (NomadExamples.privilegedFiring, NomadExamples.privilegedSilent),
        ],
        "SA302": [
            (DevContainerExamples.capabilityFiring, DevContainerExamples.capabilitySilent),
            (TerraformExamples.capabilityFiring, TerraformExamples.capabilitySilent),
            (QuadletExamples.capabilityFiring, QuadletExamples.capabilitySilent),
            (NomadExamples.capabilityFiring, NomadExamples.capabilitySilent),
        ],
        "SA303": [
            (QuadletExamples.capabilitiesNotDroppedFiring, QuadletExamples.capabilitiesNotDroppedSilent),
        ],
        "SA304": [
            (DevContainerExamples.seccompFiring, DevContainerExamples.seccompSilent),
            (TerraformExamples.seccompFiring, TerraformExamples.seccompSilent),
            (QuadletExamples.seccompFiring, QuadletExamples.seccompSilent),
        ],
        "SA305": [
            (DevContainerExamples.macFiring, DevContainerExamples.macSilent),
            (QuadletExamples.macFiring, QuadletExamples.macSilent),
        ],
        "SA306": [
            (QuadletExamples.noNewPrivilegesFiring, QuadletExamples.noNewPrivilegesSilent),
        ],
        "SA307": [
            (QuadletExamples.writableRootFiring, QuadletExamples.writableRootSilent),
        ],
        "SA308": [
            (DevContainerExamples.runsAsRootFiring, DevContainerExamples.runsAsRootSilent),
            (TerraformExamples.runsAsRootFiring, TerraformExamples.runsAsRootSilent),
            (QuadletExamples.runsAsRootFiring, QuadletExamples.runsAsRootSilent),
        ],
        "SA401": [
            (TerraformExamples.hostPIDFiring, TerraformExamples.hostPIDSilent),
            (QuadletExamples.hostPIDFiring, QuadletExamples.hostPIDSilent),
        ],
        "SA402": [
            (DevContainerExamples.hostNetworkFiring, DevContainerExamples.hostNetworkSilent),
            (TerraformExamples.hostNetworkFiring, TerraformExamples.hostNetworkSilent),
            (ECSExamples.hostNetworkFiring, ECSExamples.hostNetworkSilent),
            (QuadletExamples.hostNetworkFiring, QuadletExamples.hostNetworkSilent),
            (NomadExamples.hostNetworkFiring, NomadExamples.hostNetworkSilent),
        ],
        "SA404": [
            (QuadletExamples.hostUsernsFiring, QuadletExamples.hostUsernsSilent),
        ],
        "SA405": [
            (DevContainerExamples.sensitivePathFiring, DevContainerExamples.sensitivePathSilent),
            (TerraformExamples.sensitivePathFiring, TerraformExamples.sensitivePathSilent),
            (QuadletExamples.sensitivePathFiring, QuadletExamples.sensitivePathSilent),
        ],
        "SA501": [
            (QuadletExamples.limitFiring, QuadletExamples.memorySilent),
        ],
        "SA502": [
            (QuadletExamples.limitFiring, QuadletExamples.cpuSilent),
        ],
        "SA503": [
            (QuadletExamples.limitFiring, QuadletExamples.pidsSilent),
        ],
    ]

    static func firing(_ id: String) -> [Example] { (byRule[id] ?? []).flatMap(\.firing) }
    static func silent(_ id: String) -> [Example] { (byRule[id] ?? []).flatMap(\.silent) }
}
