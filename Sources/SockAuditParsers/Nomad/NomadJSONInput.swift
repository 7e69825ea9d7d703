import SockAuditCore

/// Nomad jobs in JSON: HCL's JSON syntax (`*.nomad.json`, `{"job": {"NAME": {"group": …}}}`), read
/// by the same adapter as `*.nomad`, and the API's shape that `nomad job inspect`, `nomad job run
/// -output` and `GET /v1/job/:id` print (`{"Job": {"TaskGroups": [{"Tasks": [{"Driver", "Config"}]}]}}`,
/// or the job object alone). Claimed by the name, or by a `"TaskGroups"` key in any JSON file.
public struct NomadJSONInput: DocumentInput {
    public init() {}

    public let kind = InputKind.nomad

    public func claims(_ file: SourceFile, text: String) -> Bool {
        guard file.pathExtension == "json" || file.path == "-" else { return false }
        return file.name.hasSuffix(".nomad.json") || TextSearch.contains(text, "\"TaskGroups\"")
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        var containers: [ContainerSpec] = []
        var found = false
        for document in documents {
            if let job = document["Job"] ?? (document["TaskGroups"] != nil ? document : nil), job.isMapping {
                found = true
                containers += NomadAPIJob.containers(in: job, path: file.path, hostVolumes: context.nomadHostVolumes)
            } else if document["job"]?.isMapping == true || document["job"]?.sequence != nil {
                found = true
                containers += NomadJobAdapter.containers(
                    in: TerraformModule(path: file.path, root: document), hostVolumes: context.nomadHostVolumes)
            }
        }
        return found ? Facts(containers: containers) : nil
    }
}

/// A job in the API's JSON: task groups and tasks in PascalCase (`TaskGroups`, `Tasks`, `Driver`,
/// `User`, `Env`, `Resources.MemoryMB`, `Volumes`, `VolumeMounts`), the driver's `Config` in the job
/// file's own keys, judged by `NomadJobAdapter`.
enum NomadAPIJob {
    static func containers(in job: Node, path: String, hostVolumes: [String: [NomadHostVolume]] = [:]) -> [ContainerSpec] {
        let scope = TerraformScope(module: TerraformModule(path: path, root: Node(.mapping([]), line: 1, column: 1)))
        let jobName = job["ID"]?.string ?? job["Name"]?.string ?? "(unnamed)"
        var result: [ContainerSpec] = []
        for group in job["TaskGroups"]?.sequence ?? [] where group.isMapping {
            let groupName = group["Name"]?.string ?? "(unnamed)"
            var groupVolumes: [String: NomadJobAdapter.GroupVolume] = [:]
            for volume in group["Volumes"]?.pairs ?? [] where volume.value.isMapping {
                guard let name = volume.key.string else { continue }
                let attributes = TerraformAttributes(body: volume.value, scope: scope)
                groupVolumes[name] = NomadJobAdapter.GroupVolume(
                    type: attributes.text("Type")?.value, source: attributes.text("Source")?.value,
                    readOnly: attributes.bool("ReadOnly")?.value ?? false)
            }
            for task in group["Tasks"]?.sequence ?? [] where task.isMapping {
                let attributes = TerraformAttributes(body: task, scope: scope)
                guard let driver = attributes.text("Driver")?.value, driver == "docker" || driver == "podman" else { continue }
                let name = task["Name"]?.string ?? "(unnamed)"
                let location = (task.keyNode("Name") ?? task).location(in: path)
                let config = TerraformAttributes(body: task["Config"]?.isMapping == true ? task["Config"]! : Node(.mapping([]), line: location.line, column: location.column), scope: scope)
                let resources = task["Resources"].flatMap { $0.isMapping ? TerraformAttributes(body: $0, scope: scope) : nil }
                let user = attributes.text("User").flatMap { $0.value.isEmpty ? nil : $0 }
                var spec = NomadJobAdapter.container(
                    config: config, user: user, memory: positive(resources?.text("MemoryMB")),
                    cpu: positive(resources?.text("CPU")) ?? positive(resources?.text("Cores")),
                    name: name, subject: "task \"\(name)\" of group \"\(groupName)\" in job \"\(jobName)\"",
                    location: location)
                if let env = task["Env"], env.isMapping {
                    spec.environment = NomadJobAdapter.environment(TerraformAttributes(body: env, scope: scope))
                }
                for mount in task["VolumeMounts"]?.sequence ?? [] where mount.isMapping {
                    let attributes = TerraformAttributes(body: mount, scope: scope)
                    guard let volume = attributes.text("Volume") else { continue }
                    spec.mounts += NomadJobAdapter.hostVolumeMounts(
                        volume: volume, destination: attributes.text("Destination")?.value,
                        readOnly: attributes.bool("ReadOnly")?.value ?? false, groupVolumes: groupVolumes, hostVolumes: hostVolumes)
                }
                result.append(spec)
            }
        }
        return result
    }

    /// The API prints 0 for a value the job leaves to Nomad's default.
    private static func positive(_ setting: Setting<String>?) -> Setting<String>? {
        guard let setting, setting.value != "0" else { return nil }
        return setting
    }
}
