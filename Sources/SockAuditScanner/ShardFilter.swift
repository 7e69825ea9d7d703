import SockAuditCore

/// The repositories one shard of a sweep scans: those whose unit hashes to it.
struct ShardFilter: Sendable {
    var shard: Shard
    var units: SweepUnits

    func keeps(_ path: String) -> Bool {
        shard.owns(units.unit(of: path))
    }
}
