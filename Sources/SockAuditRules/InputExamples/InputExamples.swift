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
        ],
        "SA104": [
            (DevContainerExamples.clientPlainTCPFiring, DevContainerExamples.clientPlainTCPSilent),
            (MCPConfigExamples.clientPlainTCPFiring, MCPConfigExamples.clientPlainTCPSilent),
        ],
        "SA301": [
            (DevContainerExamples.privilegedFiring, DevContainerExamples.privilegedSilent),
            (MCPConfigExamples.privilegedFiring, MCPConfigExamples.privilegedSilent),
        ],
        "SA302": [(DevContainerExamples.capabilityFiring, DevContainerExamples.capabilitySilent)],
        "SA304": [(DevContainerExamples.seccompFiring, DevContainerExamples.seccompSilent)],
        "SA305": [(DevContainerExamples.macFiring, DevContainerExamples.macSilent)],
        "SA308": [(DevContainerExamples.runsAsRootFiring, DevContainerExamples.runsAsRootSilent)],
        "SA402": [(DevContainerExamples.hostNetworkFiring, DevContainerExamples.hostNetworkSilent)],
        "SA405": [(DevContainerExamples.sensitivePathFiring, DevContainerExamples.sensitivePathSilent)],
    ]

    static func firing(_ id: String) -> [Example] { (byRule[id] ?? []).flatMap(\.firing) }
    static func silent(_ id: String) -> [Example] { (byRule[id] ?? []).flatMap(\.silent) }
}
