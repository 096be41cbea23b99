import BoardPack
import ChildProcess
import Foundation
import GRDB
import Portal
import ReportModel
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real server, over real sockets: what only a socket shows (a body refused before it is
/// read, a chunked body refused while it streams), kill -9 at work, and Ctrl-C.
@Suite struct LiveServerTests {
    let fixture: PortalFixture

    init() throws { fixture = try PortalFixture() }

    /// One agency's browser, talking HTTP/1.1 to the server a connection per request.
    struct Agency {
        let port: Int
        var cookie = ""
        var csrf = ""

        init(port: Int, link: String) throws {
            self.port = port
            let opened = try request("GET \(link) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            guard opened.status == 200, let setCookie = opened.headers["set-cookie"] else { throw PortalTestError("the link answered \(opened.status)") }
            cookie = String(setCookie.split(separator: ";")[0])
            let page = String(decoding: try request("GET /agency HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \(cookie)\r\nConnection: close\r\n\r\n").body, as: UTF8.self)
            let start = page.range(of: "name=\"csrf\" value=\"")!.upperBound
            csrf = String(page[start..<page[start...].firstIndex(of: "\"")!])
        }

        func request(_ head: String, body: [UInt8] = []) throws -> (status: Int, headers: [String: String], body: [UInt8]) {
            let connection = try RawConnection(port: port)
            connection.send(Array(head.utf8) + body)
            return try connection.response()
        }

        static let boundary = "----boardpack-live"

        /// The multipart body of an upload, as the portal's form sends it.
        func form(_ name: String, _ file: [UInt8]) -> [UInt8] {
            let b = Self.boundary
            return Array("--\(b)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n--\(b)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n\r\n".utf8)
                + file + Array("\r\n--\(b)--\r\n".utf8)
        }

        func uploadHead(length: Int?) -> String {
            "POST /agency/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \(cookie)\r\nConnection: close\r\n"
                + "Content-Type: multipart/form-data; boundary=\(Self.boundary)\r\n"
                + (length.map { "Content-Length: \($0)\r\n" } ?? "Transfer-Encoding: chunked\r\n") + "\r\n"
        }

        /// Uploads a file; the response's status and Location.
        func upload(_ name: String, _ file: [UInt8]) throws -> (Int, String?) {
            let body = form(name, file)
            let response = try request(uploadHead(length: body.count), body: body)
            return (response.status, response.headers["location"])
        }
    }

    @Test func aBodyPastTheLimitIsRefusedBeforeItIsReadOrAsSoonAsItPassesIt() throws {
        let server = try PortalServer(data: fixture.data.url.path, ["--largest-file", "1"])
        let agency = try Agency(port: server.port, link: fixture.linkPath("jppb"))

        // Content-Length says 30 MB and no byte of the body is sent: the answer comes at once.
        let declared = try RawConnection(port: server.port)
        declared.send(agency.uploadHead(length: 30_000_000))
        #expect(declared.responseWaiting(seconds: 10), "413 without waiting for the body")
        #expect(try declared.response().status == 413)

        // Chunked, with no length: refused once past 1 MB (and the framing), while it streams.
        let chunked = try RawConnection(port: server.port)
        chunked.send(agency.uploadHead(length: nil))
        // The form up to the file's first byte, as one chunk.
        let start = agency.form("big.xlsx", []).dropLast("\r\n--\(Agency.boundary)--\r\n".utf8.count)
        chunked.send(Array(String(start.count, radix: 16).utf8) + Array("\r\n".utf8) + start + Array("\r\n".utf8))
        var sent = 0
        let chunk = [UInt8](repeating: 0x41, count: 64 * 1024)
        let framed = Array(String(chunk.count, radix: 16).utf8) + Array("\r\n".utf8) + chunk + Array("\r\n".utf8)
        let total = 32 * 1024 * 1024
        while sent < total, !chunked.responseWaiting(seconds: 0), chunked.send(framed) { sent += chunk.count }
        #expect(try chunked.response().status == 413)
        // What was sent includes what the kernel's socket buffers took (a few MB on loopback).
        #expect(sent < total / 2, "refused while streaming, after \(sent) bytes, not at the end of 32 MB")

        #expect(try fixture.store.uploads(period: 1, as: .secretariat).isEmpty)
        #expect(server.stop() == 0, "Ctrl-C (SIGTERM) ends it cleanly")
        #expect(!server.groupAlive)
    }

    @Test func ctrlCLetsAnUploadInFlightFinish() throws {
        let server = try PortalServer(data: fixture.data.url.path)
        let agency = try Agency(port: server.port, link: fixture.linkPath("jppb"))
        let body = agency.form("in flight.xlsx", Array(try Data(contentsOf: try fixture.blank("jppb"))))
        let connection = try RawConnection(port: server.port)
        connection.send(Array(agency.uploadHead(length: body.count).utf8) + Array(body.prefix(body.count / 2)))
        usleep(300_000)
        server.process.killGroup(SIGINT)
        usleep(300_000)
        connection.send(Array(body.suffix(from: body.count / 2)))
        let response = try connection.response()
        #expect(response.status == 303, "the upload in flight finishes")
        #expect(server.process.waitForExit(seconds: 20) == 0, "then the server ends cleanly")
        let stored = try fixture.store.uploads(period: 1, as: .secretariat)
        #expect(stored.map(\.originalName) == ["in flight.xlsx"])
        #expect(response.headers["location"] == "/agency/uploads/\(stored.first?.id ?? 0)")
    }

    @Test func killMinus9LosesNothingAcknowledgedAndARestartServesTheSameState() throws {
        let data = fixture.data.url.path
        var server = try PortalServer(data: data)
        let agency = try Agency(port: server.port, link: fixture.linkPath("jppb"))
        let blank = Array(try Data(contentsOf: try fixture.blank("jppb")))
        var acknowledged: [(String, [UInt8])] = []
        for i in 0..<4 {
            let file = blank + [UInt8(i)]  // four different files
            let (status, location) = try agency.upload("v\(i).xlsx", file)
            #expect(status == 303)
            acknowledged.append((try #require(location), file))
        }
        // Two at the same moment: both become versions.
        let pair = try [0, 1].map { i -> RawConnection in
            let connection = try RawConnection(port: server.port)
            let body = agency.form("same-moment-\(i).xlsx", blank + [UInt8(10 + i)])
            connection.send(Array(agency.uploadHead(length: body.count).utf8) + body)
            return connection
        }
        for (i, connection) in pair.enumerated() {
            let response = try connection.response()
            #expect(response.status == 303)
            acknowledged.append((try #require(response.headers["location"]), blank + [UInt8(10 + i)]))
        }
        // One more, cut off halfway by kill -9: never acknowledged.
        let halfway = try RawConnection(port: server.port)
        let body = agency.form("cut.xlsx", blank + [99])
        halfway.send(Array(agency.uploadHead(length: body.count).utf8) + Array(body.prefix(body.count / 2)))
        usleep(200_000)
        server.kill()
        #expect(!server.groupAlive)

        // Restarted on the same folder: every acknowledged upload is there, whole, and the
        // browser's session still works.
        server = try PortalServer(data: data)
        let restarted = Agency(port: server.port, cookie: agency.cookie, csrf: agency.csrf)
        try restarted.expectServedWhole(acknowledged)
        let store = try PortalStore.open(fixture.data)
        let uploads = try store.uploads(period: 1, as: .secretariat)
        #expect(uploads.count == acknowledged.count, "no half record: the cut upload left no row")
        #expect(!uploads.contains { $0.originalName == "cut.xlsx" })
        for upload in uploads { #expect(SHA256.hex(try store.uploads.read(upload.sha256)) == upload.sha256) }
        let names = try FileManager.default.contentsOfDirectory(atPath: store.uploads.url.path)
        #expect(names.allSatisfy { $0.count == 64 }, "no temporary file left after the restart: \(names)")
        let check = try DatabaseQueue(path: fixture.data.database.path).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(check == "ok")
        #expect(server.stop(SIGINT) == 0)
    }
}

extension LiveServerTests.Agency {
    init(port: Int, cookie: String, csrf: String) {
        self.port = port
        self.cookie = cookie
        self.csrf = csrf
    }

    /// A page of this agency's session.
    func get(_ path: String) throws -> (status: Int, headers: [String: String], body: [UInt8]) {
        try request("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \(cookie)\r\nConnection: close\r\n\r\n")
    }

    /// Each upload's page is there, and its file is served as it was sent.
    func expectServedWhole(_ acknowledged: [(location: String, bytes: [UInt8])]) throws {
        for (location, bytes) in acknowledged {
            #expect(try get(location).status == 200, "\(location)")
            #expect(try get(location + "/file").body == bytes, "\(location) is served whole")
        }
    }
}
