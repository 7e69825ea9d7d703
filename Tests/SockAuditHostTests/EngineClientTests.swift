import Foundation
@testable import SockAuditHost
import Testing

/// The client against a local server: every body framing, the deadline, the size cap, negotiation.
@Suite struct EngineClientTests {
    func client(_ server: TestServer, timeout: Double = 2, cap: Int = 1 << 20) -> EngineClient {
        let endpoint: EngineEndpoint = server.socketPath.map { .unix($0) } ?? .tcp(host: "127.0.0.1", port: server.port!)
        return EngineClient(endpoint: endpoint, timeout: timeout, maxBodySize: cap)
    }

    @Test func contentLengthBodyInPieces() throws {
        let server = try TestServer(unixIn: temporaryDirectory(), replies: [[
            .text("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Len"), .pause(0.05),
            .text("gth: 15\r\n\r\n{\"Version\":"), .pause(0.05), .text("\"1\"}trailing garbage"),
        ]])
        defer { server.stop() }
        let response = try client(server).get("/version")
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "{\"Version\":\"1\"}")
        #expect(server.requests == ["GET /version HTTP/1.1"])
    }

    @Test func chunkedBodyWithExtensionsAndTrailers() throws {
        let server = try TestServer(unixIn: temporaryDirectory(), replies: [[
            .text("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\n[1,2\r\n"), .pause(0.05),
            .text("3\r\n,3]\r\n0\r\nX-Trailer: yes\r\n\r\n"),
        ]])
        defer { server.stop() }
        let response = try client(server).get("/containers/json?all=1")
        #expect(String(decoding: response.body, as: UTF8.self) == "[1,2,3]")
    }

    @Test func bodyReadToEndOfStream() throws {
        let server = try TestServer(unixIn: temporaryDirectory(), replies: [[
            .text("HTTP/1.0 200 OK\r\n\r\n"), .text("OK"), .pause(0.05), .text(" and more"),
        ]])
        defer { server.stop() }
        #expect(String(decoding: try client(server).get("/_ping").body, as: UTF8.self) == "OK and more")
    }

    @Test func aStallTimesOutAtTheDeadline() throws {
        let server = try TestServer(unixIn: temporaryDirectory(), replies: [[
            .text("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial\":"), .pause(3),
        ]])
        defer { server.stop() }
        // The stage proves the deadline fired: without it the read would end at the server's close
        // after the pause, with a truncated-body error instead of a timeout.
        #expect {
            _ = try client(server, timeout: 0.5).get("/info")
        } throws: { error in
            guard case .timeout(_, let stage, _) = error as? HostProbeError else { return false }
            return stage == "the body"
        }
    }

    @Test func oneDeadlineForTheWholeRequest() throws {
        // Each piece arrives well within the timeout, but the whole takes longer: the deadline wins.
        let trickle: [TestServer.Step] = [.text("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n")]
            + (0..<10).flatMap { _ in [TestServer.Step.pause(0.15), .text("x")] }
        let server = try TestServer(unixIn: temporaryDirectory(), replies: [trickle])
        defer { server.stop() }
        #expect(throws: HostProbeError.self) { _ = try client(server, timeout: 0.6).get("/info") }
    }

    @Test func bodiesOverTheCapAreRefused() throws {
        let server = try TestServer(unixIn: temporaryDirectory(), replies: [
            [.text("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n")],
            [.text("HTTP/1.1 200 OK\r\n\r\n" + String(repeating: "y", count: 5000))],
            [.text("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1388\r\n" + String(repeating: "z", count: 5000) + "\r\n0\r\n\r\n")],
        ])
        defer { server.stop() }
        for _ in 0..<3 {
            #expect(throws: HostProbeError.bodyTooLarge("GET /info on \(client(server).endpoint)", limit: 1000)) {
                _ = try client(server, cap: 1000).get("/info")
            }
        }
    }

    @Test func negotiatesTheAPIVersionFromPing() throws {
        let server = try TestServer(unixIn: temporaryDirectory(), replies: [
            [.text("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK")],
            [.text("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")],
        ])
        defer { server.stop() }
        var engine = client(server)
        _ = try engine.negotiate()
        #expect(engine.apiVersion == "1.41")
        _ = try engine.getOK("/version")
        #expect(server.requests == ["GET /_ping HTTP/1.1", "GET /v1.41/version HTTP/1.1"])
    }

    @Test func aNewerDaemonIsSpokenToAtOurVersion() throws {
        let server = try TestServer(unixIn: temporaryDirectory(), replies: [
            [.text("HTTP/1.1 200 OK\r\nApi-Version: 9.99\r\nContent-Length: 2\r\n\r\nOK")],
        ])
        defer { server.stop() }
        var engine = client(server)
        _ = try engine.negotiate()
        #expect(engine.apiVersion == EngineClient.maximumAPIVersion)
    }

    @Test func errorsAreTyped() throws {
        let server = try TestServer(unixIn: temporaryDirectory(), replies: [
            [.text("HTTP/1.1 400 Bad Request\r\nContent-Length: 82\r\n\r\n{\"message\":\"client version 1.43 is too new. Maximum supported API version is 1.41\"}")],
            [.text("garbage\r\n\r\n")],
            [.send([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46])],
            [.text("HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n")],
        ])
        defer { server.stop() }
        let engine = client(server)
        #expect(throws: HostProbeError.httpStatus(
            "GET /v1.43/info", status: 400, message: "client version 1.43 is too new. Maximum supported API version is 1.41")) {
            _ = try engine.getOK("/v1.43/info")
        }
        #expect { _ = try engine.get("/info") } throws: { error in
            if case .malformedResponse = error as? HostProbeError { true } else { false }
        }
        #expect(throws: HostProbeError.tlsNotSupported(engine.endpoint.description)) { _ = try engine.get("/_ping") }
        #expect(throws: HostProbeError.tlsNotSupported(engine.endpoint.description)) { _ = try engine.get("/_ping") }
    }

    @Test func plainTCP() throws {
        let server = try TestServer(replies: [[.text("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK")]])
        defer { server.stop() }
        #expect(try client(server).getOK("/_ping") == Array("OK".utf8))
    }

    @Test func aMissingSocketIsAConnectError() {
        let engine = EngineClient(endpoint: .unix("/nonexistent/docker.sock"), timeout: 1)
        #expect { _ = try engine.get("/_ping") } throws: { error in
            if case .connect = error as? HostProbeError { true } else { false }
        }
    }

    @Test func endpoints() throws {
        #expect(try EngineEndpoint.parse("unix:///run/docker.sock") == .unix("/run/docker.sock"))
        #expect(try EngineEndpoint.parse("/run/docker.sock") == .unix("/run/docker.sock"))
        #expect(try EngineEndpoint.parse("tcp://127.0.0.1:2375") == .tcp(host: "127.0.0.1", port: 2375))
        #expect(try EngineEndpoint.parse("tcp://[::1]:2375") == .tcp(host: "::1", port: 2375))
        #expect(try EngineEndpoint.parse("tcp://docker") == .tcp(host: "docker", port: 2375))
        #expect(throws: HostProbeError.tlsNotSupported("https://h:2376")) { _ = try EngineEndpoint.parse("https://h:2376") }
        #expect(throws: HostProbeError.badAddress("ssh://u@h")) { _ = try EngineEndpoint.parse("ssh://u@h") }
    }
}
