extension Style {
    /// The default look: Arial, dark-blue headers, and status fills chosen so the status name
    /// stays legible on its colour (white on dark fills, black on light ones, contrast ≥ 4.5:1).
    public static let standard = Style(
        fonts: Fonts(name: "Arial", size: 10, titleSize: 16, headingSize: 12),
        colours: Colours(
            title: "#1F3864", headerFill: "#1F3864", headerFont: "#FFFFFF", groupFill: "#D9E1F2",
            border: "#8C8C8C", significantFill: "#FFF2CC", inputFill: "#FFF2CC", link: "#0563C1", notRatedFont: "#595959"),
        statusColours: [
            "Red": StatusColour(fill: "#C00000", font: "#FFFFFF"),
            "Amber": StatusColour(fill: "#FFC000", font: "#000000"),
            "Green": StatusColour(fill: "#00B050", font: "#000000"),
            "Blue": StatusColour(fill: "#0070C0", font: "#FFFFFF"),
            "Grey": StatusColour(fill: "#BFBFBF", font: "#000000"),
        ],
        widths: Widths(
            goal: 46, leadAgency: 20, status: 14, update: 72, extra: 16,
            statisticsLabel: 38, statisticsValue: 18, coverLabel: 22, coverText: 100),
        labels: Labels(
            cover: "Cover", summary: "Summary", contents: "Contents", authors: "Report authors",
            produced: "Report produced", presentedTo: "Presented to", about: "About this pack",
            introduction: "Introduction", principles: "Principles", priorityGroups: "Priority groups",
            statusByTheme: "Goal status by theme", theme: "Theme", notRated: "Not rated", total: "Total",
            measuresAgainstTarget: "Headline measures against target",
            noTargets: "No headline measure in this report has a target.", latest: "Latest",
            result: "Result", met: "Met", withinTolerance: "Within tolerance", notMet: "Not met",
            noData: "No data", headlineMeasure: "Headline Measure", directionOfTravel: "Direction of travel",
            improving: "improving", worsening: "worsening", noChange: "no change", target: "Target",
            suppliedBy: "Supplied by", deliveryAgainstGoals: "Delivery against goals", goal: "Goal",
            leadAgency: "Lead Agency", status: "Status", update: "Update",
            noGoals: "No goals are tracked under this theme yet.", note: "Note", key: "Key",
            description: "Description", representatives: "Lead Agency representatives", comments: "Comments",
            noComments: "None.", planRefresh: "Plan refresh proposals", proposal: "Proposal",
            proposedWording: "Proposed wording", source: "Source", significant: "Figures shaded are highlighted as significant in the source."),
        footer: "&L&9{title} – {period}&C&9Page &P of &N&R&9{produced}")
}
