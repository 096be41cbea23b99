import Foundation
import ReportModel

/// The look and fixed wording of a board pack: fonts, colours, column widths and labels.
///
/// A partnership edits a copy of `templates/default-style.json`; any setting left out keeps its
/// default, so a style file may hold only what it changes.
public struct Style: Codable, Equatable, Sendable {
    public struct Fonts: Codable, Equatable, Sendable {
        public var name: String
        public var size: Double
        public var titleSize: Double
        public var headingSize: Double
    }

    public struct Colours: Codable, Equatable, Sendable {
        public var title: String
        public var headerFill: String
        public var headerFont: String
        public var groupFill: String
        public var border: String
        public var significantFill: String
        /// Shading of the cells an agency fills in on a return.
        public var inputFill: String
        public var link: String
        public var notRatedFont: String
        /// Fill of a goal's Status cell when no return answered it, or co-leads disagreed.
        public var noReturnFill: String
        public var conflictFill: String
        /// Fill of a goal's Status cell when every answer returned for it was refused by the check.
        public var notAcceptedFill: String
    }

    public struct StatusColour: Codable, Equatable, Sendable {
        public var fill: String
        public var font: String
    }

    /// Column widths in Excel's units (the width of a "0"). Text columns are stretched so each
    /// table fills `page`, the width of a landscape A4 page between its margins.
    public struct Widths: Codable, Equatable, Sendable {
        public var page: Double
        /// The goals table's Ref column: the goal's id.
        public var ref: Double
        public var goal: Double
        public var leadAgency: Double
        public var status: Double
        public var previous: Double
        public var update: Double
        public var proposal: Double
        public var measure: Double
        public var figure: Double
        public var trend: Double
        public var direction: Double
        public var target: Double
        public var statisticsLabel: Double
        public var coverLabel: Double
        public var coverText: Double
    }

    public struct Labels: Codable, Equatable, Sendable {
        public var cover: String
        public var summary: String
        public var contents: String
        public var authors: String
        public var produced: String
        public var presentedTo: String
        public var about: String
        public var introduction: String
        public var principles: String
        public var priorityGroups: String
        public var atAGlance: String
        public var needsAttention: String
        /// "What changed since {period}".
        public var whatChanged: String
        public var turnedRed: String
        public var improvedGoals: String
        public var worsenedGoals: String
        public var newGoals: String
        public var dischargedGoals: String
        public var rewordedGoals: String
        public var nothingNeedsAttention: String
        public var themesIntroduction: String
        public var statusByTheme: String
        public var proposalsByTheme: String
        public var noGoalRated: String
        public var statistics: String
        public var statusOverTime: String
        public var theme: String
        public var notRated: String
        public var notRatedDescription: String
        public var noReturn: String
        public var noReturnDescription: String
        public var conflict: String
        public var conflictDescription: String
        public var total: String
        public var measuresAgainstTarget: String
        /// The at-a-glance heading when no measure has a target (only worsening ones are listed).
        public var headlineMeasures: String
        public var noTargets: String
        public var latest: String
        public var result: String
        public var met: String
        public var withinTolerance: String
        public var notMet: String
        public var noData: String
        public var headlineMeasure: String
        public var directionOfTravel: String
        public var trend: String
        public var improving: String
        public var worsening: String
        public var noChange: String
        /// Change of a goal's status since the last period: words beside the arrow.
        public var improved: String
        public var worsened: String
        public var unchanged: String
        public var newlyRated: String
        /// "Previous": the goals table's column of last period's status.
        public var previous: String
        public var notRatedBefore: String
        /// "(continued)": after a table's header repeated at the top of a page.
        public var continued: String
        public var target: String
        public var suppliedBy: String
        public var deliveryAgainstGoals: String
        /// "Ref": the goals table's column of goal ids, which import matches rows by.
        public var ref: String
        /// "Not accepted": a goal whose every answer this period was refused by the check.
        public var notAccepted: String
        public var notAcceptedDescription: String
        public var goal: String
        public var leadAgency: String
        public var status: String
        public var update: String
        public var noGoals: String
        public var note: String
        public var key: String
        public var description: String
        public var representatives: String
        public var comments: String
        public var noComments: String
        public var planRefresh: String
        public var proposal: String
        public var proposedWording: String
        public var source: String
        public var significant: String
    }

    public var fonts: Fonts
    public var colours: Colours
    /// Colours of statuses by name, used when the report's scheme gives none.
    public var statusColours: [String: StatusColour]
    /// Colours of a plan refresh's proposals, by action: discharge, carry-forward, amend, new.
    public var proposalColours: [String: StatusColour]
    public var widths: Widths
    public var labels: Labels
    /// Footer in Excel's codes: &P page, &N pages. {title}, {period} and {produced} (the report's
    /// own dates: "Table data - May 2013 / Goals - July 2013") are replaced.
    public var footer: String
}
