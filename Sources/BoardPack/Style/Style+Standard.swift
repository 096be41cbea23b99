extension Style {
    /// The default look: Arial, dark-blue headers, and status fills chosen so the status name
    /// stays legible on its colour (white on dark fills, black on light ones, contrast ≥ 4.5:1).
    public static let standard = Style(
        fonts: Fonts(name: "Arial", size: 10, titleSize: 16, headingSize: 12),
        colours: Colours(
            title: "#1F3864", headerFill: "#1F3864", headerFont: "#FFFFFF", groupFill: "#D9E1F2",
            border: "#8C8C8C", significantFill: "#FFF2CC", inputFill: "#FFF2CC", link: "#0563C1", notRatedFont: "#595959",
            noReturnFill: "#D9D9D9", conflictFill: "#F4B183"),
        statusColours: [
            "Red": StatusColour(fill: "#C00000", font: "#FFFFFF"),
            "Amber": StatusColour(fill: "#FFC000", font: "#000000"),
            "Green": StatusColour(fill: "#00B050", font: "#000000"),
            "Blue": StatusColour(fill: "#0070C0", font: "#FFFFFF"),
            "Grey": StatusColour(fill: "#BFBFBF", font: "#000000"),
        ],
        proposalColours: [
            "discharge": StatusColour(fill: "#D9D9D9", font: "#000000"),
            "carry-forward": StatusColour(fill: "#DDEBF7", font: "#000000"),
            "amend": StatusColour(fill: "#FFE699", font: "#000000"),
            "new": StatusColour(fill: "#C6EFCE", font: "#000000"),
        ],
        widths: Widths(
            page: 134, ref: 8, goal: 44, leadAgency: 18, status: 11, previous: 14, update: 46, proposal: 13,
            measure: 44, figure: 11, trend: 14, direction: 14, target: 16,
            statisticsLabel: 38, coverLabel: 22, coverText: 68),
        labels: Labels(
            cover: "Cover", summary: "Summary", contents: "Contents", authors: "Report authors",
            produced: "Report produced", presentedTo: "Presented to", about: "About this pack",
            introduction: "Introduction", principles: "Principles", priorityGroups: "Priority groups",
            atAGlance: "At a glance", needsAttention: "Needs the board's attention",
            whatChanged: "What changed since {period}", turnedRed: "Turned Red", improvedGoals: "Improved",
            worsenedGoals: "Worsened", newGoals: "New goals", dischargedGoals: "Discharged", rewordedGoals: "Reworded",
            nothingNeedsAttention: "No goal is Red or Amber, and no lead agencies disagree.",
            themesIntroduction: "About the themes",
            statusByTheme: "Goal status by theme", proposalsByTheme: "Proposals by theme",
            noGoalRated: "No goal has a status in this report.", statistics: "Reoffending statistics",
            statusOverTime: "Status over time", theme: "Theme", notRated: "Not rated",
            notRatedDescription: "No status has been given for this period.", noReturn: "No return",
            noReturnDescription: "No return was received for this goal this period.", conflict: "Conflict",
            conflictDescription: "The lead agencies gave different statuses (see the update); the secretariat settles it.",
            total: "Total",
            measuresAgainstTarget: "Headline measures against target",
            headlineMeasures: "Headline measures",
            noTargets: "No headline measure in this report has a target.", latest: "Latest",
            result: "Result", met: "Met", withinTolerance: "Within tolerance", notMet: "Not met",
            noData: "No data", headlineMeasure: "Headline Measure", directionOfTravel: "Direction of travel", trend: "Trend",
            improving: "improving", worsening: "worsening", noChange: "no change", improved: "improved",
            worsened: "worsened", unchanged: "unchanged", newlyRated: "new", previous: "Previous",
            notRatedBefore: "Not rated before", continued: "(continued)", target: "Target",
            suppliedBy: "Supplied by", deliveryAgainstGoals: "Delivery against goals", ref: "Ref", goal: "Goal",
            leadAgency: "Lead Agency", status: "Status", update: "Update",
            noGoals: "No goals are tracked under this theme yet.", note: "Note", key: "Key",
            description: "Description", representatives: "Lead Agency representatives", comments: "Comments",
            noComments: "None.", planRefresh: "Plan refresh proposals", proposal: "Proposal",
            proposedWording: "Proposed wording", source: "Source", significant: "Figures shaded are highlighted as significant in the source."),
        footer: "&L&9{title} – {period}&C&9Page &P of &N&R&9{produced}")
}
