import GRDB
import Hummingbird
import Logging

/// Every refusal becomes a page (the status kept, and its headers, such as Retry-After):
/// `PageError`s as worded, a full disk as such (`PageError.diskFull`), Hummingbird's own errors
/// with a standard wording, and anything
/// unexpected as a 500 whose details go to the log, not the page.
struct ErrorPages: RouterMiddleware {
    typealias Context = PortalContext
    let pages: Pages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as PageError {
            return page(error)
        } catch let error as DiskFull {
            context.logger.error("\(request.method) \(request.uri.path): the disk is full: \(error)")
            return page(.diskFull)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            context.logger.error("\(request.method) \(request.uri.path): the disk is full: \(error)")
            return page(.diskFull)
        } catch let error as PeriodClosedForAgency {
            return page(PageError(.conflict, "The period has closed", error.description))
        } catch let error as NotAllowed {
            return page(PageError(.forbidden, "Not allowed", "This is for the secretariat: \(error.description)."))
        } catch let error as any HTTPResponseError {
            return page(Self.worded(error.status))
        } catch {
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
            return page(PageError(.internalServerError, "Something went wrong", "The portal could not finish this. Nothing you sent before was lost; try again, and if it happens again tell the secretariat."))
        }
    }

    private func page(_ error: PageError) -> Response {
        var response = pages.response(ErrorPage(error: error), template: "error", status: error.status)
        for field in error.headers { response.headers.append(field) }
        return response
    }

    static func worded(_ status: HTTPResponse.Status) -> PageError {
        switch status {
        case .notFound: return .notFound
        case .contentTooLarge: return .tooLarge(UploadCheck.largestFile)
        case .methodNotAllowed: return PageError(status, "Not allowed", "This address does not take that kind of request.")
        case .badRequest: return PageError(status, "Bad request", "The request could not be read. Go back and try again.")
        default: return PageError(status, status.reasonPhrase, "The request could not be answered.")
        }
    }
}
