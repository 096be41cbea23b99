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
    }

    public struct StatusColour: Codable, Equatable, Sendable {
        public var fill: String
        public var font: String
    }

    public struct Widths: Codable, Equatable, Sendable {
        public var goal: Double
        public var leadAgency: Double
        public var status: Double
        public var update: Double
        public var extra: Double
        public var statisticsLabel: Double
        public var statisticsValue: Double
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
        public var statusByTheme: String
        public var theme: String
        public var notRated: String
        public var total: String
        public var measuresAgainstTarget: String
        public var noTargets: String
        public var latest: String
        public var result: String
        public var met: String
        public var withinTolerance: String
        public var notMet: String
        public var noData: String
        public var headlineMeasure: String
        public var directionOfTravel: String
        public var improving: String
        public var worsening: String
        public var noChange: String
        public var target: String
        public var suppliedBy: String
        public var deliveryAgainstGoals: String
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
    public var widths: Widths
    public var labels: Labels
    /// Footer in Excel's codes: &P page, &N pages. {title}, {period} and {produced} (the report's
    /// own dates: "Table data - May 2013 / Goals - July 2013") are replaced.
    public var footer: String
}
