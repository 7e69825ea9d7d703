import SockAuditCore
@testable import SockAuditRules
import Testing

/// The CVE comparison on version strings as real hosts report them.
@Suite struct EscapeCVETests {
    static func upstream(_ text: String) -> RuntimeVersion? {
        if case .upstream(let version, _) = VersionReader.read(text) { return version }
        return nil
    }

    static func affected(_ component: HostComponent.Kind, _ version: String) -> [String] {
        guard let upstream = upstream(version) else { return [] }
        return EscapeCVEs.all.filter { $0.component == component && $0.affects(upstream) }.map(\.id)
    }

    @Test func readsDistributionAndTaggedVersions() {
        #expect(VersionReader.read("1.1.12-0ubuntu3") == .upstream(RuntimeVersion(numbers: [1, 1, 12]), distributionSuffix: "-0ubuntu3"))
        #expect(VersionReader.read("1.0.0-rc95") == .upstream(RuntimeVersion(numbers: [1, 0, 0], preRelease: "rc95"), distributionSuffix: nil))
        #expect(VersionReader.read("v1.7.29") == .upstream(RuntimeVersion(numbers: [1, 7, 29]), distributionSuffix: nil))
        #expect(VersionReader.read("28.5.2") == .upstream(RuntimeVersion(numbers: [28, 5, 2]), distributionSuffix: nil))
        #expect(VersionReader.read("20.10.24+dfsg1") == .upstream(RuntimeVersion(numbers: [20, 10, 24]), distributionSuffix: "+dfsg1"))
        #expect(VersionReader.read("1.6.20~ds1") == .upstream(RuntimeVersion(numbers: [1, 6, 20]), distributionSuffix: "~ds1"))
        #expect(VersionReader.read("1.4.0-rc.3") == .upstream(RuntimeVersion(numbers: [1, 4, 0], preRelease: "rc.3"), distributionSuffix: nil))
        #expect(VersionReader.read("runc version 1.1.5") == .upstream(RuntimeVersion(numbers: [1, 1, 5]), distributionSuffix: nil))
        #expect(VersionReader.read("5.15.0-91-generic", kernel: true)
                == .distributionKernel(base: RuntimeVersion(numbers: [5, 15, 0]), suffix: "-91-generic"))
        #expect(VersionReader.read("6.1.0-27-amd64", kernel: true)
                == .distributionKernel(base: RuntimeVersion(numbers: [6, 1, 0]), suffix: "-27-amd64"))
        #expect(VersionReader.read("6.6.15", kernel: true) == .upstream(RuntimeVersion(numbers: [6, 6, 15]), distributionSuffix: nil))
        #expect(VersionReader.read("") == .unreadable)
        #expect(VersionReader.read("dev") == .unreadable)
        #expect(VersionReader.read("1") == .unreadable)
    }

    @Test func preReleasesSortBeforeTheirRelease() throws {
        let rc6 = try #require(Self.upstream("1.0.0-rc6"))
        let rc95 = try #require(Self.upstream("1.0.0-rc95"))
        let release = try #require(Self.upstream("1.0.0"))
        #expect(rc6 < rc95)
        #expect(rc95 < release)
        #expect(try #require(Self.upstream("1.4.0-rc.3")) < #require(Self.upstream("1.4.0")))
        #expect(try #require(Self.upstream("5.17-rc6")) < #require(Self.upstream("5.17.0")))
        #expect(try #require(Self.upstream("5.17")) == #require(Self.upstream("5.17.0")))
    }

    @Test func runcRows() {
        // Debian 12's runc: the upstream part is 1.1.5.
        #expect(Self.affected(.runc, "1.1.5+ds1").contains("CVE-2024-21626"))
        #expect(!Self.affected(.runc, "1.1.5+ds1").contains("CVE-2023-27561"))
        #expect(Self.affected(.runc, "1.1.4").contains("CVE-2023-27561"))
        // Ubuntu's 1.1.12 package: Leaky Vessels fixed, the 2025 maskedPaths CVEs not.
        let ubuntu = Self.affected(.runc, "1.1.12-0ubuntu3")
        #expect(!ubuntu.contains("CVE-2024-21626"))
        #expect(ubuntu.contains("CVE-2025-31133"))
        #expect(ubuntu.contains("CVE-2024-45310"))
        #expect(Self.affected(.runc, "1.0.0-rc6").contains("CVE-2019-5736"))
        #expect(!Self.affected(.runc, "1.0.0-rc7").contains("CVE-2019-5736"))
        #expect(Self.affected(.runc, "1.0.0-rc94").contains("CVE-2021-30465"))
        #expect(!Self.affected(.runc, "1.0.0-rc95").contains("CVE-2021-30465"))
        #expect(!Self.affected(.runc, "1.0.0-rc92").contains("CVE-2024-21626"))
        #expect(Self.affected(.runc, "1.3.3") == ["CVE-2026-41579"])
        #expect(Self.affected(.runc, "1.4.3").isEmpty)
        #expect(Self.affected(.runc, "1.2.0").contains("CVE-2025-52881"))
        #expect(!Self.affected(.runc, "1.2.0").contains("CVE-2024-45310"))
    }

    @Test func containerdAndEngineRows() {
        #expect(Self.affected(.containerd, "v1.7.29").isEmpty)
        #expect(Self.affected(.containerd, "v1.7.28") == ["CVE-2024-25621"])
        #expect(Self.affected(.containerd, "1.6.20~ds1") == ["CVE-2024-25621"])
        #expect(Self.affected(.containerd, "1.4.2").contains("CVE-2020-15257"))
        #expect(!Self.affected(.containerd, "1.4.3").contains("CVE-2020-15257"))
        #expect(Self.affected(.containerd, "1.6.0").contains("CVE-2022-23648"))
        #expect(!Self.affected(.containerd, "1.6.1").contains("CVE-2022-23648"))
        #expect(Self.affected(.engine, "20.10.24+dfsg1") == ["CVE-2024-41110"])
        #expect(Self.affected(.engine, "24.0.9") == ["CVE-2024-41110"])
        #expect(Self.affected(.engine, "26.0.2") == ["CVE-2024-41110"])
        #expect(Self.affected(.engine, "26.1.5").isEmpty)
        #expect(Self.affected(.engine, "23.0.15").isEmpty)
        #expect(Self.affected(.engine, "18.09.9").isEmpty)
        #expect(Self.affected(.engine, "28.5.2").isEmpty)
    }

    @Test func kernelRows() throws {
        #expect(Self.affected(.kernel, "6.6.15").isEmpty)
        #expect(Self.affected(.kernel, "6.6.14") == ["CVE-2024-1086"])
        #expect(Self.affected(.kernel, "5.10.101").contains("CVE-2022-0847"))
        #expect(!Self.affected(.kernel, "5.10.102").contains("CVE-2022-0847"))
        #expect(Self.affected(.kernel, "5.12.3").contains("CVE-2022-0847"))  // an end-of-life line without the fix
        #expect(!Self.affected(.kernel, "5.4.300").contains("CVE-2022-0847"))  // before v5.8
        #expect(Self.affected(.kernel, "5.16.5").contains("CVE-2022-0492"))
        #expect(!Self.affected(.kernel, "5.16.6").contains("CVE-2022-0492"))
        let row = try #require(EscapeCVEs.all.first { $0.id == "CVE-2024-1086" })
        #expect(row.upgrade(from: try #require(Self.upstream("6.6.14"))) == "6.6.15")
        #expect(row.upgrade(from: try #require(Self.upstream("6.3.2"))) == "6.6.15")
    }

    /// The rule on snapshot values: distribution kernels are info, unread versions are reported.
    @Test func ruleOnSnapshotValues() {
        let file = SourceLocation(path: "s.sockaudit-host.json", line: 1, column: 1)
        var host = HostSnapshot(location: file, root: "/")
        host.components = [
            HostComponent(kind: .kernel, version: Setting("5.15.0-91-generic", at: file, spelling: ""), location: file),
            HostComponent(kind: .runc, version: nil, location: file, unreadReason: "the Engine API was not reached"),
            HostComponent(kind: .containerd, version: Setting("weird", at: file, spelling: ""), location: file),
        ]
        var facts = Facts()
        facts.hosts = [host]
        let findings = RuntimeEscapeCVERule().check(facts)
        #expect(findings.count == 3)
        #expect(findings.first { $0.subject == "kernel" }?.severity == .info)
        #expect(findings.first { $0.subject == "runc" }?.message.contains("could not be read") == true)
        #expect(findings.first { $0.subject == "containerd" }?.evidence == "unknown")
    }
}
