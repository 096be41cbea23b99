import Foundation
import Hummingbird
import Mustache

/// The portal's HTML: mustache templates (`Templates/*.mustache`, resources of this target, so
/// they travel with the built program and work from any folder) rendered from a page's data,
/// a plain struct built apart from its HTML. Every `{{value}}` is HTML-escaped by the template
/// engine; the templates never use the unescaped forms (a test holds them to that).
///
/// The engine reads a page's stored properties only (by reflection): a computed property is
/// invisible to a template, so lists are tested with `{{^empty(list)}}`.
public final class Pages: Sendable {
    private let library: MustacheLibrary
    /// The stylesheet and the one small script, served from memory under /assets/.
    private let assets: [String: (type: String, bytes: ByteBuffer)]

    /// Where the templates are: inside the target's resource bundle.
    public static var folder: URL { Bundle.module.resourceURL!.appendingPathComponent("Templates") }

    public static func load() async throws -> Pages {
        let library = try await MustacheLibrary(directory: folder.path)
        var assets: [String: (String, ByteBuffer)] = [:]
        for (name, type) in [("portal.css", "text/css; charset=utf-8"), ("upload.js", "text/javascript; charset=utf-8"), ("open.js", "text/javascript; charset=utf-8")] {
            let data = try Data(contentsOf: folder.appendingPathComponent("assets/\(name)"))
            assets[name] = (type, ByteBuffer(bytes: data))
        }
        return Pages(library: library, assets: assets)
    }

    private init(library: MustacheLibrary, assets: [String: (type: String, bytes: ByteBuffer)]) {
        self.library = library
        self.assets = assets
    }

    /// The page's HTML. A template that is missing is a fault of the build, not of the request.
    func html(_ page: Any, template: String) -> String {
        guard let html = library.render(page, withTemplate: template) else { fatalError("no template \(template).mustache in \(Self.folder.path)") }
        return html
    }

    func response(_ page: Any, template: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html(page, template: template))))
    }

    func asset(_ name: String) -> Response? {
        guard let asset = assets[name] else { return nil }
        return Response(status: .ok, headers: [.contentType: asset.type, .cacheControl: "max-age=3600"], body: ResponseBody(byteBuffer: asset.bytes))
    }
}

/// A 303 to a page of the portal (after a form, or a link exchanged for a session).
func redirect(to path: String, cookie: Cookie? = nil) -> Response {
    var response = Response(status: .seeOther, headers: [.location: path])
    if let cookie { response.setCookie(cookie) }
    return response
}
