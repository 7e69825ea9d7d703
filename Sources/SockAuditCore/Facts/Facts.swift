/// The input-neutral facts gathered from one or more files. Adapters fill it; rules read it.
public struct Facts: Sendable {
    public var containers: [ContainerSpec] = []
    public var unscannable: [UnscannableFile] = []

    public init(containers: [ContainerSpec] = [], unscannable: [UnscannableFile] = []) {
        self.containers = containers
        self.unscannable = unscannable
    }

    public mutating func merge(_ other: Facts) {
        containers += other.containers
        unscannable += other.unscannable
    }
}
