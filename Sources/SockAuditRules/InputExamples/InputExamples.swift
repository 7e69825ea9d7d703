import SockAuditCore

/// Examples of the inputs read since the rules were written (dev containers, MCP configurations,
/// Quadlet units, runner configurations, other CI systems, infrastructure as code), kept one file per input and appended by each rule to its
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
            (NomadExamples.socketMountFiringJSON, NomadExamples.socketMountSilentJSON),
            (AnsibleExamples.socketMountFiring, AnsibleExamples.socketMountSilent),
            (GitLabRunnerExamples.socketMountFiring, GitLabRunnerExamples.socketMountSilent),
            (OtherCIExamples.socketMountFiring, OtherCIExamples.socketMountSilent),
            (DroneExamples.socketMountFiring, DroneExamples.socketMountSilent),
            (KubernetesLocationExamples.socketMountFiring, KubernetesLocationExamples.socketMountSilent),
            (BuildkiteExamples.socketMountFiring, BuildkiteExamples.socketMountSilent),
            (ActRunnerExamples.socketMountFiring, ActRunnerExamples.socketMountSilent),
        ],
        "SA102": [
            (DroneExamples.dindPlainTCPFiring, DroneExamples.dindPlainTCPSilent),
            (GitLabRunnerExamples.dindPlainTCPFiring, GitLabRunnerExamples.dindPlainTCPSilent),
        ],
        "SA104": [
            (DevContainerExamples.clientPlainTCPFiring, DevContainerExamples.clientPlainTCPSilent),
            (MCPConfigExamples.clientPlainTCPFiring, MCPConfigExamples.clientPlainTCPSilent),
            (TerraformExamples.clientPlainTCPFiring, TerraformExamples.clientPlainTCPSilent),
            (AnsibleExamples.clientPlainTCPFiring, AnsibleExamples.clientPlainTCPSilent),
            (GitLabRunnerExamples.clientPlainTCPFiring, GitLabRunnerExamples.clientPlainTCPSilent),
            (OtherCIExamples.clientPlainTCPFiring, OtherCIExamples.clientPlainTCPSilent),
            (DroneExamples.clientPlainTCPFiring, DroneExamples.clientPlainTCPSilent),
            (BuildkiteExamples.clientPlainTCPFiring, BuildkiteExamples.clientPlainTCPSilent),
            (ActRunnerExamples.clientPlainTCPFiring, ActRunnerExamples.clientPlainTCPSilent),
        ],
        "SA301": [
            (DevContainerExamples.privilegedFiring, DevContainerExamples.privilegedSilent),
            (MCPConfigExamples.privilegedFiring, MCPConfigExamples.privilegedSilent),
            (TerraformExamples.privilegedFiring, TerraformExamples.privilegedSilent),
            (ECSExamples.privilegedFiring, ECSExamples.privilegedSilent),
            (QuadletExamples.privilegedFiring, QuadletExamples.privilegedSilent),
            (NomadExamples.privilegedFiring, NomadExamples.privilegedSilent),
            (NomadExamples.privilegedFiringJSON, NomadExamples.privilegedSilentJSON),
            (AnsibleExamples.privilegedFiring, AnsibleExamples.privilegedSilent),
            (GitLabRunnerExamples.privilegedFiring, GitLabRunnerExamples.privilegedSilent),
            (OtherCIExamples.privilegedFiring, OtherCIExamples.privilegedSilent),
            (DroneExamples.privilegedFiring, DroneExamples.privilegedSilent),
            (KubernetesLocationExamples.privilegedFiring, KubernetesLocationExamples.privilegedSilent),
            (BuildkiteExamples.privilegedFiring, BuildkiteExamples.privilegedSilent),
            (ActRunnerExamples.privilegedFiring, ActRunnerExamples.privilegedSilent),
        ],
        "SA302": [
            (DevContainerExamples.capabilityFiring, DevContainerExamples.capabilitySilent),
            (TerraformExamples.capabilityFiring, TerraformExamples.capabilitySilent),
            (QuadletExamples.capabilityFiring, QuadletExamples.capabilitySilent),
            (NomadExamples.capabilityFiring, NomadExamples.capabilitySilent),
            (AnsibleExamples.capabilityFiring, AnsibleExamples.capabilitySilent),
            (GitLabRunnerExamples.capabilityFiring, GitLabRunnerExamples.capabilitySilent),
            (BuildkiteExamples.capabilityFiring, BuildkiteExamples.capabilitySilent),
        ],
        "SA303": [
            (QuadletExamples.capabilitiesNotDroppedFiring, QuadletExamples.capabilitiesNotDroppedSilent),
            (AnsibleExamples.capabilitiesNotDroppedFiring, AnsibleExamples.capabilitiesNotDroppedSilent),
            (ECSExamples.missingSettingsFiring, ECSExamples.missingSettingsSilent),
            (TerraformExamples.capabilitiesNotDroppedFiring, TerraformExamples.capabilitiesNotDroppedSilent),
        ],
        "SA304": [
            (DevContainerExamples.seccompFiring, DevContainerExamples.seccompSilent),
            (TerraformExamples.seccompFiring, TerraformExamples.seccompSilent),
            (QuadletExamples.seccompFiring, QuadletExamples.seccompSilent),
            (AnsibleExamples.seccompFiring, AnsibleExamples.seccompSilent),
            (GitLabRunnerExamples.seccompFiring, GitLabRunnerExamples.seccompSilent),
            (BuildkiteExamples.seccompFiring, BuildkiteExamples.seccompSilent),
        ],
        "SA305": [
            (DevContainerExamples.macFiring, DevContainerExamples.macSilent),
            (QuadletExamples.macFiring, QuadletExamples.macSilent),
            (AnsibleExamples.macFiring, AnsibleExamples.macSilent),
            (TerraformExamples.macFiring, TerraformExamples.macSilent),
            (BuildkiteExamples.macFiring, BuildkiteExamples.macSilent),
        ],
        "SA306": [
            (QuadletExamples.noNewPrivilegesFiring, QuadletExamples.noNewPrivilegesSilent),
            (AnsibleExamples.noNewPrivilegesFiring, AnsibleExamples.noNewPrivilegesSilent),
            (ECSExamples.missingSettingsFiring, ECSExamples.missingSettingsSilent),
            (TerraformExamples.noNewPrivilegesFiring, TerraformExamples.noNewPrivilegesSilent),
        ],
        "SA307": [
            (QuadletExamples.writableRootFiring, QuadletExamples.writableRootSilent),
            (AnsibleExamples.writableRootFiring, AnsibleExamples.writableRootSilent),
            (ECSExamples.missingSettingsFiring, ECSExamples.missingSettingsSilent),
            (TerraformExamples.writableRootFiring, TerraformExamples.writableRootSilent),
        ],
        "SA308": [
            (DevContainerExamples.runsAsRootFiring, DevContainerExamples.runsAsRootSilent),
            (TerraformExamples.runsAsRootFiring, TerraformExamples.runsAsRootSilent),
            (QuadletExamples.runsAsRootFiring, QuadletExamples.runsAsRootSilent),
            (AnsibleExamples.runsAsRootFiring, AnsibleExamples.runsAsRootSilent),
            (ECSExamples.missingSettingsFiring, ECSExamples.missingSettingsSilent),
        ],
        "SA401": [
            (TerraformExamples.hostPIDFiring, TerraformExamples.hostPIDSilent),
            (QuadletExamples.hostPIDFiring, QuadletExamples.hostPIDSilent),
            (AnsibleExamples.hostPIDFiring, AnsibleExamples.hostPIDSilent),
            (BuildkiteExamples.hostPIDFiring, BuildkiteExamples.hostPIDSilent),
        ],
        "SA402": [
            (DevContainerExamples.hostNetworkFiring, DevContainerExamples.hostNetworkSilent),
            (TerraformExamples.hostNetworkFiring, TerraformExamples.hostNetworkSilent),
            (ECSExamples.hostNetworkFiring, ECSExamples.hostNetworkSilent),
            (QuadletExamples.hostNetworkFiring, QuadletExamples.hostNetworkSilent),
            (NomadExamples.hostNetworkFiring, NomadExamples.hostNetworkSilent),
            (NomadExamples.hostNetworkFiringJSON, []),
            (AnsibleExamples.hostNetworkFiring, AnsibleExamples.hostNetworkSilent),
            (GitLabRunnerExamples.hostNetworkFiring, GitLabRunnerExamples.hostNetworkSilent),
            (OtherCIExamples.hostNetworkFiring, OtherCIExamples.hostNetworkSilent),
            (DroneExamples.hostNetworkFiring, DroneExamples.hostNetworkSilent),
            (KubernetesLocationExamples.hostNetworkFiring, KubernetesLocationExamples.hostNetworkSilent),
            (BuildkiteExamples.hostNetworkFiring, BuildkiteExamples.hostNetworkSilent),
            (ActRunnerExamples.hostNetworkFiring, ActRunnerExamples.hostNetworkSilent),
        ],
        "SA403": [
            (AnsibleExamples.hostIPCFiring, AnsibleExamples.hostIPCSilent),
            (TerraformExamples.hostIPCFiring, TerraformExamples.hostIPCSilent),
            (BuildkiteExamples.hostIPCFiring, BuildkiteExamples.hostIPCSilent),
        ],
        "SA404": [
            (QuadletExamples.hostUsernsFiring, QuadletExamples.hostUsernsSilent),
            (AnsibleExamples.hostUsernsFiring, AnsibleExamples.hostUsernsSilent),
            (TerraformExamples.hostUsernsFiring, TerraformExamples.hostUsernsSilent),
            (BuildkiteExamples.hostUsernsFiring, BuildkiteExamples.hostUsernsSilent),
        ],
        "SA405": [
            (DevContainerExamples.sensitivePathFiring, DevContainerExamples.sensitivePathSilent),
            (TerraformExamples.sensitivePathFiring, TerraformExamples.sensitivePathSilent),
            (QuadletExamples.sensitivePathFiring, QuadletExamples.sensitivePathSilent),
            (AnsibleExamples.sensitivePathFiring, AnsibleExamples.sensitivePathSilent),
            (GitLabRunnerExamples.sensitivePathFiring, GitLabRunnerExamples.sensitivePathSilent),
        ],
        "SA501": [
            (QuadletExamples.limitFiring, QuadletExamples.memorySilent),
            (AnsibleExamples.limitFiring, AnsibleExamples.memorySilent),
            (ECSExamples.missingSettingsFiring, ECSExamples.missingSettingsSilent),
            (TerraformExamples.limitFiring, TerraformExamples.memorySilent),
        ],
        "SA502": [
            (QuadletExamples.limitFiring, QuadletExamples.cpuSilent),
            (AnsibleExamples.limitFiring, AnsibleExamples.cpuSilent),
            (TerraformExamples.limitFiring, TerraformExamples.cpuSilent),
        ],
        "SA503": [
            (QuadletExamples.limitFiring, QuadletExamples.pidsSilent),
            (AnsibleExamples.limitFiring, AnsibleExamples.pidsSilent),
        ],
    ]

    static func firing(_ id: String) -> [Example] { (byRule[id] ?? []).flatMap(\.firing) }
    static func silent(_ id: String) -> [Example] { (byRule[id] ?? []).flatMap(\.silent) }
}
