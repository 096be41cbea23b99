import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A multipart/form-data upload as a browser sends it: the form's fields and one file.
struct UploadForm {
    var fields: [String: String] = [:]
    /// The name the browser gave the file (cleaned, see `FileName`).
    var fileName: String?
    var file: [UInt8] = []
}

/// Reads an upload as it streams in, and stops as soon as it can refuse it.
///
/// The handler calls this only after the session is checked. A Content-Length over the limit
/// is refused with 413 before a byte is read; a body that turns out larger while it streams
/// (chunked, or a Content-Length that lied) is refused the moment it passes the limit. The
/// form's CSRF token must come before the file (the portal's forms put it first) and is
/// checked before any of the file is kept.
enum UploadReader {
    /// Room for the form's other fields and the multipart framing around the file.
    static let framing = 64 * 1024
    /// A form field other than the file is short (a token, an agency's id).
    static let largestField = 4 * 1024

    static func read(_ request: Request, largestFile: Int, csrf expected: String) async throws -> UploadForm {
        let largestBody = largestFile + framing
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > largestBody {
            throw PageError.tooLarge(largestFile)
        }
        guard let boundary = boundary(request.headers[.contentType]) else {
            throw PageError(.badRequest, "Not an upload", "Choose the return's file with the form on the page and press Upload.")
        }
        let state = PartState()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(&buffer, largestFile: largestFile, csrf: expected) }
        parser.onPartComplete = { state.complete(csrf: expected) }
        var received = 0
        for try await chunk in request.body {
            received += chunk.readableBytes
            if received > largestBody { throw PageError.tooLarge(largestFile) }
            do {
                try parser.execute(chunk)
            } catch {
                throw PageError(.badRequest, "The upload was cut short", "The file did not arrive whole. Try uploading it again.")
            }
            try state.verdict(largestFile: largestFile)
        }
        try state.verdict(largestFile: largestFile)
        guard state.fileSeen, state.form.fileName != nil || !state.form.file.isEmpty else {
            throw PageError(.badRequest, "No file chosen", "Choose the return's file (Choose file, or drag it onto the box) and press Upload.")
        }
        return state.form
    }

    /// The boundary of `multipart/form-data; boundary=...` (quoted or not).
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }

    /// `name="file"; filename="jppb.xlsx"` of a Content-Disposition header.
    static func dispositionParameters(_ value: String) -> [String: String] {
        var out: [String: String] = [:]
        var rest = Substring(value)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...]
            var parsed = ""
            if rest.first == "\"" {
                // A quoted string: up to the closing quote. Browsers send a quote in a name as %22
                // and a backslash as it is (the HTML standard's multipart encoding): a backslash
                // is never an escape here, so a Windows path ("C:\Users\...\r.xlsx") keeps the
                // separators FileName.cleaned cuts at.
                var i = rest.index(after: rest.startIndex)
                while i < rest.endIndex, rest[i] != "\"" {
                    parsed.append(rest[i])
                    i = rest.index(after: i)
                }
                rest = i < rest.endIndex ? rest[rest.index(after: i)...] : rest[rest.endIndex...]
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                parsed = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            out[key] = parsed
        }
        return out
    }
}

/// The parser's callbacks cannot throw: they note what went wrong here, and the reader throws
/// after each chunk.
private final class PartState {
    var form = UploadForm()
    var fileSeen = false
    private var headers: [String: String] = [:]
    private var field: [UInt8] = []
    private var inFile = false
    private var partStarted = false
    private var csrfChecked = false
    private var refusedToken = false
    private var fileTooLarge = false
    private var fieldTooLarge = false
    private var secondFile = false

    func header(_ name: String, _ value: String) {
        headers[name.lowercased()] = value
    }

    func body(_ buffer: inout ByteBuffer, largestFile: Int, csrf: String) {
        startPart(csrf: csrf)
        guard !refusedToken else { return buffer.moveReaderIndex(to: buffer.writerIndex) }
        if inFile {
            if secondFile {
                // Refused after this chunk; nothing of it is kept.
            } else if form.file.count + buffer.readableBytes > largestFile {
                fileTooLarge = true
            } else {
                form.file += buffer.readableBytesView
            }
        } else if field.count + buffer.readableBytes > UploadReader.largestField {
            fieldTooLarge = true
        } else {
            field += buffer.readableBytesView
        }
        buffer.moveReaderIndex(to: buffer.writerIndex)
    }

    func complete(csrf: String) {
        startPart(csrf: csrf)
        let parameters = UploadReader.dispositionParameters(headers["content-disposition"] ?? "")
        if !inFile, let name = parameters["name"] { form.fields[name] = String(decoding: field, as: UTF8.self) }
        headers = [:]
        field = []
        inFile = false
        partStarted = false
    }

    /// When a part's first bytes (or its end) arrive, its headers are all known: a file part is
    /// where the form's token must already have been seen.
    private func startPart(csrf: String) {
        guard !partStarted else { return }
        partStarted = true
        let parameters = UploadReader.dispositionParameters(headers["content-disposition"] ?? "")
        guard parameters["filename"] != nil else { return }
        inFile = true
        if fileSeen { secondFile = true }
        fileSeen = true
        if form.fileName == nil, let sent = parameters["filename"], !sent.isEmpty { form.fileName = FileName.cleaned(sent) }
        if !csrfChecked {
            csrfChecked = true
            refusedToken = !(form.fields["csrf"].map { Tokens.equal($0, csrf) } ?? false)
        }
    }

    func verdict(largestFile: Int) throws {
        if refusedToken { throw PageError.badForm }
        if fileTooLarge { throw PageError.tooLarge(largestFile) }
        if fieldTooLarge { throw PageError(.badRequest, "Bad form", "A field of the form is too long.") }
        if secondFile { throw PageError(.badRequest, "One file at a time", "Upload one return at a time.") }
    }
}
