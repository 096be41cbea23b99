import GRDB

/// Who a query is for. Every query that reads agency data takes one, and for an agency the
/// query itself is narrowed to that agency and period: "may this session see this?" is
/// answered by the store, so a page cannot show what its query did not return.
public enum Viewer: Sendable, Equatable {
    /// A browser opened by an agency's link: its own uploads, of its own period.
    case agency(id: String, period: Int64)
    /// The secretariat (signed in, or the command line on the data folder): everything.
    case secretariat

    /// The uploads this viewer may see.
    func uploads() -> QueryInterfaceRequest<UploadRecord> {
        switch self {
        case .secretariat: UploadRecord.all()
        case .agency(let id, let period): UploadRecord.filter(Column("agencyID") == id && Column("periodID") == period)
        }
    }
}
