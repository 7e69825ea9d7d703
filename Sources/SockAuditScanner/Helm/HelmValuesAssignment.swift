import SockAuditParsers

/// `--helm-values FILE` applies to the chart whose folder holds FILE (the innermost one), or to
/// every chart when FILE lies outside them all.
enum HelmValuesAssignment {
    /// Values files for each chart (by its `Chart.yaml` path), in the order given.
    static func assign(_ files: [String], charts: [String]) -> [String: [String]] {
        let folders = charts.map { chart in (chart, Discovery.realPath(InputContext.folder(of: chart)) ?? InputContext.folder(of: chart)) }
        var assigned: [String: [String]] = [:]
        for file in files {
            let real = Discovery.realPath(file) ?? file
            let holders = folders.filter { Discovery.isInside(real, $0.1) && real != $0.1 }
            if let innermost = holders.max(by: { $0.1.count < $1.1.count }) {
                assigned[innermost.0, default: []].append(file)
            } else {
                for chart in charts { assigned[chart, default: []].append(file) }
            }
        }
        return assigned
    }
}
