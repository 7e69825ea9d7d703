/// The tasks of an Ansible playbook (a list of plays) or task file (a role's `tasks/*.yml`,
/// `handlers/*.yml`, an included list): each play's `pre_tasks`, `tasks`, `post_tasks` and
/// `handlers`, and inside any of them the `block`, `rescue` and `always` lists, to any depth.
enum AnsiblePlaybook {
    /// The modules read, by every name a task may call them (short names, FQCNs, old redirects).
    enum Module: Sendable {
        case dockerContainer
        case podmanContainer
        case kubernetes
        case shell
    }

    /// `ansible.builtin.docker_container` and `ansible.builtin.k8s` still work: ansible-core's
    /// routing table redirects the old built-in names to their collections.
    static let modules: [String: Module] = [
        "docker_container": .dockerContainer,
        "community.docker.docker_container": .dockerContainer,
        "community.general.docker_container": .dockerContainer,
        "ansible.builtin.docker_container": .dockerContainer,
        "ansible.legacy.docker_container": .dockerContainer,
        "podman_container": .podmanContainer,
        "containers.podman.podman_container": .podmanContainer,
        "k8s": .kubernetes,
        "kubernetes.core.k8s": .kubernetes,
        "community.kubernetes.k8s": .kubernetes,
        "community.okd.k8s": .kubernetes,
        "ansible.builtin.k8s": .kubernetes,
        "shell": .shell,
        "command": .shell,
        "raw": .shell,
        "ansible.builtin.shell": .shell,
        "ansible.builtin.command": .shell,
        "ansible.builtin.raw": .shell,
        "ansible.legacy.shell": .shell,
        "ansible.legacy.command": .shell,
        "ansible.legacy.raw": .shell,
    ]

    private static let playKeys: Set<String> = ["hosts", "import_playbook", "ansible.builtin.import_playbook"]
    private static let taskLists = ["pre_tasks", "tasks", "post_tasks", "handlers"]
    private static let blockLists = ["block", "rescue", "always"]
    /// Keywords only Ansible tasks carry: with one of them, a list of mappings is a task list even
    /// where it calls only `command` or `shell`.
    private static let taskKeywords: Set<String> = [
        "become", "become_user", "register", "when", "loop", "with_items", "loop_control", "notify", "tags",
        "delegate_to", "changed_when", "failed_when", "ignore_errors", "block", "include_tasks", "import_tasks",
        "ansible.builtin.include_tasks", "ansible.builtin.import_tasks", "include_role", "import_role",
        "ansible.builtin.include_role", "ansible.builtin.import_role", "no_log", "run_once", "environment",
    ]

    /// The tasks of a document, or nil when it is not a playbook or task list.
    static func tasks(in document: Node, path: String) -> [Node]? {
        guard let items = document.sequence, !items.isEmpty, items.allSatisfy(\.isMapping) else { return nil }
        if items.contains(where: isPlay) {
            return items.flatMap { play in taskLists.flatMap { flattened(play[$0]?.sequence ?? []) } }
        }
        let tasks = flattened(items)
        let inTaskFolder = ["tasks", "handlers"].contains { path.hasPrefix("\($0)/") || path.contains("/\($0)/") }
        let ansibleShaped = inTaskFolder || items.contains { item in
            (item.pairs ?? []).contains { pair in
                guard let key = pair.key.string else { return false }
                return taskKeywords.contains(key) || key.hasPrefix("ansible.builtin.") || (modules[key].map { $0 != .shell } ?? false)
            }
        }
        return ansibleShaped ? tasks : nil
    }

    static func isPlay(_ item: Node) -> Bool {
        (item.pairs ?? []).contains { $0.key.string.map(playKeys.contains) ?? false }
    }

    /// Tasks with their blocks opened (a block is not a task itself).
    private static func flattened(_ items: [Node]) -> [Node] {
        var result: [Node] = []
        var pending = Array(items.reversed())
        while let item = pending.popLast() {
            guard item.isMapping else { continue }
            if blockLists.contains(where: { item[$0]?.sequence != nil }) {
                for list in blockLists.reversed() { pending += (item[list]?.sequence ?? []).reversed() }
                continue
            }
            result.append(item)
        }
        return result
    }

    /// The module a task calls and the node its arguments are written in: the module's own key, or
    /// `action:`/`local_action:` (`module: name` in a mapping, or the module's name first in a string).
    static func module(of task: Node) -> (module: Module, name: String, key: Node, arguments: Node)? {
        for pair in task.pairs ?? [] {
            guard let key = pair.key.string else { continue }
            if let module = modules[key] { return (module, key, pair.key, pair.value) }
            guard key == "action" || key == "local_action" else { continue }
            if let name = pair.value["module"]?.string, let module = modules[name], var pairs = pair.value.pairs {
                pairs.removeAll { $0.key.string == "module" }
                return (module, name, pair.key, Node(.mapping(pairs), line: pair.value.line, column: pair.value.column))
            }
            if let text = pair.value.string, let first = text.split(separator: " ").first, let module = modules[String(first)] {
                return (module, String(first), pair.key, pair.value)
            }
        }
        return nil
    }

    /// The literal items of `loop:`/`with_items:`/`with_list:` and the loop variable; nil when the
    /// task has no loop over items it writes out.
    static func loop(of task: Node) -> (variable: String, items: [Node])? {
        let variable = task["loop_control"]?["loop_var"]?.string ?? "item"
        if let items = task["loop"]?.sequence ?? task["with_list"]?.sequence { return (variable, items) }
        if let items = task["with_items"]?.sequence {
            return (variable, items.flatMap { $0.sequence ?? [$0] })  // with_items flattens one level
        }
        return nil
    }
}
