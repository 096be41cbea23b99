/// The ZIP archive of a workbook, with helpers that put the file and part into every error.
final class Package {
    let archive: ZipArchive
    let file: String

    init(archive: ZipArchive, file: String) {
        self.archive = archive
        self.file = file
    }

    func error(_ part: String?, _ message: String) -> XLSXError {
        XLSXError(file: file, part: part, message: message)
    }

    /// Runs `body`, turning ZIP and XML failures into errors naming this file and `part`.
    func xml<T>(_ part: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as XMLError {
            throw self.error(part, "is not well-formed XML: \(error.message)")
        } catch let error as ZipError {
            throw self.error(nil, error.description)
        }
    }

    func read(_ entry: ZipEntry) throws -> [UInt8] {
        do { return try archive.contents(of: entry) } catch let error as ZipError { throw self.error(nil, error.description) }
    }

    /// A scanner streaming the part's inflated bytes.
    /// Parts this size (as declared) and larger are inflated ahead, on a thread of their own.
    static let inflateAheadFrom = 1 << 20

    func scanner(_ entry: ZipEntry) throws -> XMLScanner {
        let stream: EntryStream
        // A large part inflates on another core while this one reads it, in large chunks so the
        // two seldom wait on each other; a small part costs a thread more than it saves.
        let ahead = entry.uncompressedSize >= Self.inflateAheadFrom
        do { stream = try archive.stream(entry, chunkSize: ahead ? 1 << 18 : EntryStream.chunkSize) } catch let error as ZipError {
            throw self.error(nil, error.description)
        }
        guard ahead else { return XMLScanner { try stream.next() } }
        let inflating = InflateAhead(stream, depth: 2)
        return XMLScanner { try inflating.next() }
    }
}
