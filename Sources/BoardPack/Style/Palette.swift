import ReportModel
import XLSXWriter

/// The cell formats of a board pack, derived once from a `Style`.
struct Palette {
    let style: Style
    let body: CellFormat
    let title: CellFormat
    let subtitle: CellFormat
    let heading: CellFormat
    let header: CellFormat
    let label: CellFormat
    let text: CellFormat
    let wrapped: CellFormat
    let group: CellFormat
    let number: CellFormat
    let link: CellFormat
    let notRated: CellFormat
    let noReturn: CellFormat
    let conflict: CellFormat
    let notAccepted: CellFormat
    let note: CellFormat

    init(_ style: Style) {
        self.style = style
        let c = style.colours
        let border = style.rgb(c.border)
        body = CellFormat().with {
            $0.fontName = style.fonts.name
            $0.fontSize = style.fonts.size
            $0.vertical = .top
        }
        title = body.with {
            $0.bold = true
            $0.fontSize = style.fonts.titleSize
            $0.fontColor = style.rgb(c.title)
            $0.vertical = .center
        }
        subtitle = body.with { $0.italic = true; $0.vertical = .center }
        heading = body.with {
            $0.bold = true
            $0.fontSize = style.fonts.headingSize
            $0.fontColor = style.rgb(c.title)
            $0.vertical = .bottom
        }
        header = body.with {
            $0.bold = true
            $0.fill = style.rgb(c.headerFill)
            $0.fontColor = style.rgb(c.headerFont)
            $0.border = border
            $0.wrap = true
            $0.vertical = .center
        }
        label = body.with { $0.bold = true; $0.wrap = true }
        text = body.with { $0.border = border; $0.wrap = true }
        wrapped = body.with { $0.wrap = true }
        group = body.with { $0.bold = true; $0.fill = style.rgb(c.groupFill); $0.border = border }
        // Figures keep a character's room from the right edge, so they never touch what follows.
        number = body.with { $0.border = border; $0.horizontal = .right; $0.indent = 1 }
        link = body.with { $0.fontColor = style.rgb(c.link); $0.underline = true }
        notRated = text.with { $0.italic = true; $0.fontColor = style.rgb(c.notRatedFont); $0.horizontal = .center }
        noReturn = notRated.with { $0.fill = style.rgb(c.noReturnFill); $0.fontColor = 0x000000 }
        conflict = text.with { $0.bold = true; $0.fill = style.rgb(c.conflictFill); $0.horizontal = .center }
        notAccepted = conflict.with { $0.fill = style.rgb(c.notAcceptedFill) }
        note = body.with { $0.italic = true; $0.wrap = true }
    }

    /// The Status cell: the status name on a solid fill of its colour, so it reads in greyscale too.
    func status(_ status: Status) -> CellFormat {
        let (fill, font) = style.colours(of: status)
        return text.with {
            $0.fill = fill
            $0.fontColor = font
            $0.bold = true
            $0.horizontal = .center
        }
    }

    /// A plan refresh's proposal: its label on its own colour.
    func proposal(_ action: Proposal.Action) -> CellFormat {
        let colour = style.proposalColours[action.rawValue]
        return text.with {
            $0.fill = colour.map { style.rgb($0.fill) }
            $0.fontColor = colour.map { style.rgb($0.font) }
            $0.bold = true
            $0.horizontal = .center
        }
    }

    /// How a goal stands this period, as its Status cell shows it.
    func standing(_ standing: Standing) -> (text: String, format: CellFormat)? {
        switch standing {
        case .rated(let status): (status.name, self.status(status))
        case .conflict: (style.labels.conflict, conflict)
        case .notAccepted: (style.labels.notAccepted, notAccepted)
        case .noReturn: (style.labels.noReturn, noReturn)
        case .notRated: (style.labels.notRated, notRated)
        case .throughSubGoals: nil
        }
    }

    /// A measure's result against its target: Met, Within tolerance and Not met each on the
    /// colour of the status that reads the same (Green, Amber, Red), so neither is the quiet one.
    func result(_ result: TargetResult) -> CellFormat {
        let name: String? = switch result {
        case .met: "Green"
        case .withinTolerance: "Amber"
        case .notMet: "Red"
        case .noData: nil
        }
        guard let name, let colour = style.statusColours[name] else { return notRated }
        return text.with {
            $0.fill = style.rgb(colour.fill)
            $0.fontColor = style.rgb(colour.font)
            $0.bold = true
            $0.horizontal = .center
        }
    }

    /// A figure: right-aligned, with the number format its typed text implies.
    func value(_ value: Value) -> CellFormat {
        number.with {
            $0.numberFormat = ValueCell.numberFormat(for: value)
            if value.significant {
                $0.bold = true
                $0.fill = style.rgb(style.colours.significantFill)
            }
        }
    }
}
