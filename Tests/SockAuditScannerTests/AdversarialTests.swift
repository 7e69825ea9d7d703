import Foundation
import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// Hostile and broken input: each case has its expected outcome (a finding, or SA901 with a clear
/// reason), and none may crash, hang, or grow the process by 100 MiB.
@Suite struct AdversarialTests {
    static let socketPod = ScannerTests.socketPod

    /// Scans with a time and memory bound; the result for the case's own expectations.
    func scan(_ targets: [String], maxFileSize: Int = 10 << 20, follow: Bool = false,
              beforeRead: (@Sendable (String) -> Void)? = nil,
              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ScanResult {
        var options = ScanOptions(maxFileSize: maxFileSize, rules: BuiltInRules.all)
        options.followSymlinks = follow
        options.beforeRead = beforeRead
        let before = Self.peakRSS()
        // Time is not asserted (a loaded machine fails it at random); scripts/scaling-probe.py
        // guards the superlinear paths by comparing input sizes.
        var result: ScanResult?
        result = try Scanner(options: options).scan(targets)
        #expect(Self.peakRSS() - before < 100 << 20, "peak RSS grew by over 100 MiB", sourceLocation: sourceLocation)
        return try #require(result)
    }

    /// The process's peak resident set, in bytes (other tests share the process, so a growth
    /// measured here is an upper bound on this case's own).
    static func peakRSS() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }

    func sa901(_ result: ScanResult, _ suffix: String) -> [Finding] {
        result.findings.filter { $0.ruleID == "SA901" && $0.location.path.hasSuffix(suffix) }
    }

    // MARK: expansion, depth, size

    @Test func billionLaughsIsRefusedNotExpanded() throws {
        let tree = try TemporaryTree()
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "  a\(level): &a\(level) [\(refs)]\n"
        }
        try tree.write("bomb.yaml", text)
        let result = try scan([tree.root])
        let notice = try #require(sa901(result, "bomb.yaml").first)
        #expect(notice.message.contains("alias bomb"))
    }

    @Test func aliasAsMappingKeyChainIsBounded() throws {
        let tree = try TemporaryTree()
        var text = "services:\n  a: {image: x}\nx0: &k0 {a: 1, b: 2}\n"
        for level in 1...20 { text += "x\(level): &k\(level) {*k\(level - 1): 1, [*k\(level - 1)]: 2}\n" }
        try tree.write("docker-compose.yml", text)
        let result = try scan([tree.root])
        #expect(result.filesScanned == ["compose": 1])
    }

    @Test func tenThousandDeepYAMLIsSA901() throws {
        let tree = try TemporaryTree()
        let depth = 10_000
        try tree.write("flow.yaml", "apiVersion: v1\nkind: Pod\nspec: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n")
        var block = "apiVersion: v1\nkind: Pod\nspec:\n"
        for _ in 0..<depth { block += "- " }
        try tree.write("block.yaml", block + "x\n")
        let result = try scan([tree.root])
        #expect(sa901(result, "flow.yaml").first?.message.contains("nesting") == true)
        #expect(sa901(result, "block.yaml").first?.message.contains("nesting") == true)
    }

    @Test func tenThousandDeepJSONIsSA901() throws {
        let tree = try TemporaryTree()
        let depth = 10_000
        // Named as a daemon configuration: a broken JSON file is claimed by its name or by the
        // structure before the error, and here only the name says what the file is.
        try tree.write("daemon.json", "{\"HostConfig\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}")
        let result = try scan([tree.root])
        let notice = try #require(sa901(result, "daemon.json").first)
        #expect(notice.message.contains("nesting deeper than 512"))
        #expect(notice.location.line == 1 && notice.location.column == 15 + 512, "the bracket one level too deep (the object is the first level)")
    }

    @Test func twoHundredMiBFileIsRefusedBySizeUnread() throws {
        let tree = try TemporaryTree()
        let path = tree.path("huge.yaml")
        // Sparse: 200 MiB on paper, no blocks on disk; the scanner must refuse it by fstat alone.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(ftruncate(descriptor, 200 << 20) == 0)
        close(descriptor)
        let result = try scan([tree.root])
        let notice = try #require(sa901(result, "huge.yaml").first)
        #expect(notice.message == "not scanned: huge.yaml is 209715200 bytes, over the 10485760-byte limit (--max-file-size)"
                || notice.message.contains("209715200 bytes, over the 10485760-byte limit"))
    }

    @Test func fileOverALoweredLimitIsSA901() throws {
        let tree = try TemporaryTree()
        try tree.write("pod.yaml", Self.socketPod)
        let result = try scan([tree.root], maxFileSize: 64)
        #expect(sa901(result, "pod.yaml").first?.message.contains("over the 64-byte limit") == true)
        #expect(!result.findings.contains { $0.ruleID == "SA101" })
    }

    // MARK: encodings and line ends

    @Test func binaryWithAYAMLNameIsSA901() throws {
        let tree = try TemporaryTree()
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &random) }
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + bytes).write(to: URL(fileURLWithPath: tree.path("image.yaml")))
        let result = try scan([tree.root])
        let notice = try #require(sa901(result, "image.yaml").first)
        #expect(notice.message.contains("binary content (a NUL byte)"))
        #expect(notice.location.line == 1 && notice.location.column == 8)
    }

    @Test func invalidUTF8IsSA901AtTheByte() throws {
        let tree = try TemporaryTree()
        try Data(Array(Self.socketPod.utf8.prefix(40)) + [0xC3, 0x28] + Array("\n".utf8)).write(to: URL(fileURLWithPath: tree.path("bad.yaml")))
        let result = try scan([tree.root])
        let notice = try #require(sa901(result, "bad.yaml").first)
        #expect(notice.message.contains("invalid UTF-8 (byte 0xc3)"))
        #expect(notice.location.line == 3)
    }

    @Test(arguments: [false, true])
    func utf16WithABOMIsScanned(bigEndian: Bool) throws {
        let tree = try TemporaryTree()
        var data = Data(bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE])
        data.append(Self.socketPod.data(using: bigEndian ? .utf16BigEndian : .utf16LittleEndian)!)
        try data.write(to: URL(fileURLWithPath: tree.path("utf16.yaml")))
        let result = try scan([tree.root])
        #expect(result.findings.contains { $0.ruleID == "SA101" && $0.location.line == 9 && $0.location.column == 32 })
    }

    @Test(arguments: ["\r\n", "\r"])
    func crlfAndLoneCRKeepLineNumbers(lineEnd: String) throws {
        let tree = try TemporaryTree()
        try tree.write("pod.yaml", Self.socketPod.replacingOccurrences(of: "\n", with: lineEnd) + lineEnd)
        let result = try scan([tree.root])
        #expect(result.findings.contains { $0.ruleID == "SA101" && $0.location.line == 9 && $0.location.column == 32 })
        #expect(sa901(result, "pod.yaml").isEmpty)
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func crlfAndLoneCRInLineBasedInputs(lineEnd: String) throws {
        let tree = try TemporaryTree()
        let files = [
            "docker.service": "[Unit]\nDescription=x\n[Service]\nExecStart=/usr/bin/dockerd -H tcp://0.0.0.0:2375\n",
            "Dockerfile": "FROM x\n# c\nRUN docker run \\\n  --privileged x\n",
            "Makefile": "all:\n\t@echo hi\n\tdocker run --privileged x\n",
            "run.sh": "#!/bin/sh\nset -e\ndocker run --privileged x\n",
        ]
        for (name, text) in files { try tree.write(name, text.replacingOccurrences(of: "\n", with: lineEnd)) }
        let result = try scan([tree.root])
        let at = { (name: String, rule: String) in
            result.findings.first { $0.ruleID == rule && $0.location.path.hasSuffix("/" + name) }.map { [$0.location.line, $0.location.column] }
        }
        #expect(at("docker.service", "SA102") == [4, 28])
        #expect(at("Dockerfile", "SA301") == [4, 3])
        #expect(at("Makefile", "SA301") == [3, 13])
        #expect(at("run.sh", "SA301") == [3, 12])
    }

    @Test func tabsInYAMLIndentationAreSA901AtTheTab() throws {
        let tree = try TemporaryTree()
        try tree.write("pod.yaml", "apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n")
        let result = try scan([tree.root])
        let notice = try #require(sa901(result, "pod.yaml").first)
        #expect(notice.message.contains("invalid YAML"))
        #expect(notice.location.line == 4 && notice.location.column == 1)
    }

    // MARK: paths

    @Test func nulInAPathIsAnErrorNotATruncatedRead() throws {
        let tree = try TemporaryTree()
        try tree.write("pod.yaml", Self.socketPod)
        #expect(throws: ScanError.invalidPath(tree.path("pod.yaml\u{0}.txt"))) {
            try Scanner(options: ScanOptions(rules: BuiltInRules.all)).scan([tree.path("pod.yaml\u{0}.txt")])
        }
        #expect(FileReader.read(tree.path("pod.yaml\u{0}junk"), limit: 1 << 20) == .failure(.unreadable("the path contains a NUL byte")))
    }

    @Test func nulInAComposeExtendsPathIsNotReadTruncated() throws {
        let tree = try TemporaryTree()
        try tree.write("base.yml", "services:\n  base:\n    image: x\n    privileged: true\n")
        try tree.write("docker-compose.yml", "services:\n  app:\n    image: y\n    extends: {file: \"base.yml\\0.txt\", service: base}\n")
        let result = try scan([tree.root])
        #expect(!result.findings.contains { $0.ruleID == "SA301" && $0.location.path.hasSuffix("docker-compose.yml") })
        #expect(sa901(result, "docker-compose.yml").first?.message.contains("could not be read") == true)
    }

    @Test func composeExtendsOutsideTheTreeIsNotRead() throws {
        let outside = try TemporaryTree()
        try outside.write("base.yml", "services:\n  base:\n    image: x\n    privileged: true\n")
        let tree = try TemporaryTree()
        try tree.write("docker-compose.yml", "services:\n  app:\n    image: y\n    extends: {file: \"\(outside.path("base.yml"))\", service: base}\n")
        try tree.write("up/docker-compose.yml", "services:\n  app:\n    image: y\n    extends: {file: ../../\((outside.root as NSString).lastPathComponent)/base.yml, service: base}\n")
        let result = try scan([tree.root])
        #expect(!result.findings.contains { $0.ruleID == "SA301" })
        #expect(sa901(result, "/docker-compose.yml").count == 2)
        #expect(sa901(result, "/docker-compose.yml").allSatisfy { $0.message.contains("outside the scanned folders") })
    }

    // MARK: races between listing and reading

    @Test func fileThatVanishesAfterListingIsSA901() throws {
        let tree = try TemporaryTree()
        try tree.write("pod.yaml", Self.socketPod)
        let result = try scan([tree.root], beforeRead: { path in unlink(path) })
        #expect(sa901(result, "pod.yaml").first?.message == "not scanned: could not be read: No such file or directory"
                || sa901(result, "pod.yaml").first?.message.contains("No such file or directory") == true)
    }

    @Test func fileThatLosesItsPermissionAfterListingIsSA901() throws {
        let tree = try TemporaryTree()
        try tree.write("pod.yaml", Self.socketPod)
        let result = try scan([tree.root], beforeRead: { path in chmod(path, 0) })
        if getuid() == 0 {
            // Root reads past mode bits: the file is scanned, not lost.
            #expect(result.findings.contains { $0.ruleID == "SA101" })
        } else {
            #expect(sa901(result, "pod.yaml").first?.message.contains("Permission denied") == true)
        }
    }

    @Test func fileSwappedForAFIFOAfterListingIsNeverOpened() throws {
        let tree = try TemporaryTree()
        try tree.write("pod.yaml", Self.socketPod)
        let result = try scan([tree.root], beforeRead: { path in
            unlink(path)
            mkfifo(path, 0o644)
        })
        #expect(sa901(result, "pod.yaml").first?.message.contains("FIFO") == true)
    }

    @Test func fileSwappedForALinkOutOfTheTreeIsNotFollowed() throws {
        let outside = try TemporaryTree()
        let target = try outside.write("pod.yaml", Self.socketPod)
        let tree = try TemporaryTree()
        try tree.write("pod.yaml", "kind: nothing\n")
        let result = try scan([tree.root], beforeRead: { path in
            unlink(path)
            symlink(target, path)
        })
        #expect(sa901(result, "pod.yaml").first?.message.contains("symbolic link") == true)
        #expect(!result.findings.contains { $0.ruleID == "SA101" })
    }

    // MARK: special files

    @Test func fifosSocketsAndDevicesAreNeverOpened() throws {
        let tree = try TemporaryTree()
        try tree.write("pod.yaml", Self.socketPod)
        #expect(mkfifo(tree.path("fifo.yaml"), 0o644) == 0)
        let socketPath = tree.path("daemon.json")
        let listener = Self.bindUnixSocket(socketPath)
        defer { close(listener) }
        // Only root may make a device node; elsewhere the case is the FIFO and the socket.
        let device = mknod(tree.path("zero.yaml"), S_IFCHR | 0o644, dev_t((1 << 8) | 5)) == 0
        let result = try scan([tree.root])
        #expect(result.filesScanned == ["k8s": 1])
        #expect(result.filesSkipped == (device ? 3 : 2))
        #expect(result.findings.allSatisfy { $0.location.path.hasSuffix("pod.yaml") })
    }

    @Test func aFIFONamedOnTheCommandLineIsSA901WithoutBlocking() throws {
        let tree = try TemporaryTree()
        #expect(mkfifo(tree.path("fifo.yaml"), 0o644) == 0)
        let result = try scan([tree.path("fifo.yaml")])
        #expect(sa901(result, "fifo.yaml").first?.message.contains("FIFO") == true)
    }

    static func bindUnixSocket(_ path: String) -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0, "bind \(path)")
        return descriptor
    }

    // MARK: symbolic links

    @Test(arguments: [false, true])
    func symlinkLoopsEnd(follow: Bool) throws {
        let tree = try TemporaryTree()
        try tree.write("a/pod.yaml", Self.socketPod)
        #expect(symlink(".", tree.path("a/self")) == 0)
        #expect(symlink("..", tree.path("a/parent")) == 0)
        #expect(symlink(tree.path("loop"), tree.path("loop")) == 0)
        #expect(symlink(tree.path("ping"), tree.path("pong")) == 0)
        #expect(symlink(tree.path("pong"), tree.path("ping")) == 0)
        let result = try scan([tree.root], follow: follow)
        #expect(result.findings.filter { $0.ruleID == "SA101" }.map(\.location.path) == [tree.path("a/pod.yaml")])
        #expect(Set(result.linksNotFollowed) == [tree.path("a/parent"), tree.path("a/self"), tree.path("loop"), tree.path("ping"), tree.path("pong")])
    }

    @Test func linksOutOfTheRootAreReportedNotRead() throws {
        let outside = try TemporaryTree()
        try outside.write("pod.yaml", Self.socketPod)
        let tree = try TemporaryTree()
        #expect(symlink(outside.path("pod.yaml"), tree.path("pod.yaml")) == 0)
        #expect(symlink(outside.root, tree.path("dir")) == 0)
        #expect(symlink("/etc/passwd", tree.path("passwd.yaml")) == 0)
        for follow in [false, true] {
            let result = try scan([tree.root], follow: follow)
            #expect(result.findings.isEmpty)
            #expect(result.linksNotFollowed == [tree.path("dir"), tree.path("passwd.yaml"), tree.path("pod.yaml")])
        }
    }

    @Test func linksInsideTheRootAreFollowedOnlyWhenAsked() throws {
        let tree = try TemporaryTree()
        try tree.write("real/pod.yaml", Self.socketPod)
        #expect(symlink("real", tree.path("alias")) == 0)
        #expect(symlink("real/pod.yaml", tree.path("linked.yaml")) == 0)
        let plain = try scan([tree.root])
        #expect(plain.linksNotFollowed == [tree.path("alias"), tree.path("linked.yaml")])
        let followed = try scan([tree.root], follow: true)
        #expect(followed.linksNotFollowed.isEmpty)
        let paths = Set(followed.findings.filter { $0.ruleID == "SA101" }.map(\.location.path))
        // The folder is walked once (first under its link's name); the file link is read from its target.
        #expect(paths == [tree.path("alias/pod.yaml"), tree.path("linked.yaml")])
    }

    @Test func namesThatAreNotUTF8AreSA901WhenInScope() throws {
        let tree = try TemporaryTree()
        for name: [UInt8] in [Array("pod\u{FF}".utf8.prefix(3)) + [0xFF] + Array(".yaml".utf8), Array("notes".utf8) + [0xFE] + Array(".txt".utf8)] {
            let bytes = Array(tree.root.utf8) + [UInt8(ascii: "/")] + name + [0]
            let descriptor = bytes.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
            #expect(descriptor >= 0)
            _ = Self.socketPod.withCString { write(descriptor, $0, strlen($0)) }
            close(descriptor)
        }
        let result = try scan([tree.root])
        #expect(result.findings.map(\.ruleID) == ["SA901"])
        #expect(result.findings.first?.location.path == tree.path("pod\u{FFFD}.yaml"))
        #expect(result.findings.first?.message.contains("not valid UTF-8") == true)
        #expect(result.filesSkipped == 1)
    }

    @Test func unlistableFolderIsSA901() throws {
        guard getuid() != 0 else { return }  // root lists any folder
        let tree = try TemporaryTree()
        try tree.write("locked/pod.yaml", Self.socketPod)
        chmod(tree.path("locked"), 0)
        defer { chmod(tree.path("locked"), 0o755) }
        let result = try scan([tree.root])
        #expect(sa901(result, "locked").first?.message.contains("could not be listed") == true)
    }
}
