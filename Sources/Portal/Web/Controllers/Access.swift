import Foundation
import Hummingbird
import NIOPosix

/// The session a page needs, or the page that says how to get one.
extension PortalContext {
    /// An agency's session: its agency and period are what every query of the page is for.
    func agencySession() throws -> (session: SessionRecord, agency: String, period: Int64) {
        guard let session, session.kind == .agency, let agency = session.agencyID, let period = session.periodID else {
            throw PageError.needsAgencyLink
        }
        return (session, agency, period)
    }

    /// A signed-in secretariat session.
    func secretariatSession() throws -> SessionRecord {
        guard let session, session.kind == .secretariat else { throw PageError.needsSignIn }
        return session
    }

    /// The `id` of the path as a number; anything else is a page that does not exist.
    func id(_ name: String = "id") throws -> Int64 {
        guard let text = parameters.get(name), let id = Int64(text), id > 0 else { throw PageError.notFound }
        return id
    }
}

/// A file to download: always an attachment (never shown in the page's origin), named safely.
func attachment(_ bytes: [UInt8], name: String, type: String) -> Response {
    Response(
        status: .ok,
        headers: [.contentType: type, .contentDisposition: contentDisposition(name), .contentLength: String(bytes.count)],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
}

/// `attachment; filename="..."; filename*=UTF-8''...`: the plain name keeps only safe ASCII (an
/// agency's file name may hold anything), the encoded one the name as it was.
func contentDisposition(_ name: String) -> String {
    let ascii = String(name.unicodeScalars.map { s -> Character in
        s.isASCII && s.value >= 0x20 && s != "\"" && s != "\\" && s != ";" && s.value != 0x7F ? Character(s) : "_"
    })
    var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
    allowed.insert(charactersIn: "-._~")
    let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
    return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
}

/// Work that blocks (checking a workbook, writing one, fsync) runs on NIO's thread pool, not
/// on the threads that serve requests.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await NIOThreadPool.singleton.runIfActive(body)
}
