import SockAuditCore

/// Keeps the `limit` most important findings it is offered, in memory proportional to the limit
/// (a min-heap whose root is the least important finding kept), so a report capped at N results
/// can be fed findings one at a time. Importance: active before accepted (suppressed, baselined),
/// then severity, then the order offered (earlier first: findings arrive in report order).
struct MostSevereSelection {
    let limit: Int
    /// The heap orders small keys; the findings stay in `slots`, where each key points. Moving
    /// whole findings up and down the heap copied and retained their strings at every step.
    private var heap: [Key] = []
    private var slots: [Finding] = []
    private var freeSlots: [Int] = []
    private var sequence = 0
    private(set) var omitted = SeverityCounts()

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    private struct Key {
        var isActive: Bool
        var severity: Severity
        var sequence: Int
        var slot: Int

        /// True when `self` should be cut before `other`.
        func isLessImportant(than other: Key) -> Bool {
            if isActive != other.isActive { return !isActive }
            if severity != other.severity { return severity < other.severity }
            return sequence > other.sequence
        }
    }

    mutating func offer(_ finding: Finding) {
        let key = Key(isActive: finding.isActive, severity: finding.severity, sequence: sequence, slot: -1)
        sequence += 1
        if heap.count < limit {
            heap.append(Key(isActive: key.isActive, severity: key.severity, sequence: key.sequence, slot: store(finding)))
            siftUp(heap.count - 1)
        } else if let root = heap.first, root.isLessImportant(than: key) {
            omitted.add(root.severity)
            slots[root.slot] = finding
            heap[0] = Key(isActive: key.isActive, severity: key.severity, sequence: key.sequence, slot: root.slot)
            siftDown(0)
        } else {
            omitted.add(finding.severity)
        }
    }

    private mutating func store(_ finding: Finding) -> Int {
        if let slot = freeSlots.popLast() {
            slots[slot] = finding
            return slot
        }
        slots.append(finding)
        return slots.count - 1
    }

    /// Leaves out the least important finding kept, if any.
    mutating func dropLeastImportant() {
        guard let root = heap.first else { return }
        omitted.add(root.severity)
        freeSlots.append(root.slot)
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
    }

    /// How many findings are kept.
    var keptCount: Int { heap.count }

    /// How many findings were offered.
    var offered: Int { sequence }

    /// The kept findings in the order they were offered.
    var kept: [Finding] {
        heap.sorted { $0.sequence < $1.sequence }.map { slots[$0.slot] }
    }

    /// The kept findings, most important first (ties in the order offered).
    var keptMostSevereFirst: [Finding] {
        heap.sorted { $1.isLessImportant(than: $0) }.map { slots[$0.slot] }
    }

    /// What a report says about the findings it left out; nil when none was.
    var cut: ReportCut? {
        omitted.total == 0 ? nil : ReportCut(listed: heap.count, omitted: omitted)
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].isLessImportant(than: heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            var least = parent
            let left = 2 * parent + 1
            if left < heap.count && heap[left].isLessImportant(than: heap[least]) { least = left }
            if left + 1 < heap.count && heap[left + 1].isLessImportant(than: heap[least]) { least = left + 1 }
            if least == parent { return }
            heap.swapAt(parent, least)
            parent = least
        }
    }
}

/// Findings counted by severity.
public struct SeverityCounts: Sendable, Hashable {
    public private(set) var counts: [Severity: Int] = [:]

    public init() {}

    public mutating func add(_ severity: Severity, _ count: Int = 1) {
        counts[severity, default: 0] += count
    }

    public mutating func add(_ other: SeverityCounts) {
        for (severity, count) in other.counts { add(severity, count) }
    }

    public var total: Int { counts.values.reduce(0, +) }

    /// `2 high, 1,040 low`: the non-zero counts, most severe first.
    public var description: String {
        Severity.allCases.reversed().compactMap { severity in
            counts[severity].map { "\(ReportCut.number($0)) \(severity.rawValue)" }
        }.joined(separator: ", ")
    }
}

/// What a capped report left out.
public struct ReportCut: Sendable, Hashable {
    public var listed: Int
    public var omitted: SeverityCounts

    public init(listed: Int, omitted: SeverityCounts) {
        self.listed = listed
        self.omitted = omitted
    }

    public mutating func add(_ other: ReportCut) {
        listed += other.listed
        omitted.add(other.omitted)
    }

    /// `lists 5,000 of 21,906 findings, the most severe; not listed: 16,906 low`
    public var description: String {
        "lists \(Self.number(listed)) of \(Self.number(listed + omitted.total)) findings, the most severe; "
            + "not listed: \(omitted.description)"
    }

    /// 21906 → `21,906`, the same on every machine (no locale).
    static func number(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
