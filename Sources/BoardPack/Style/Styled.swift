/// A sheet drawn with a palette, and the style's labels, widths and font size it reads from it.
protocol Styled {
    var palette: Palette { get }
}

extension Styled {
    var labels: Style.Labels { palette.style.labels }
    var widths: Style.Widths { palette.style.widths }
    var fontSize: Double { palette.style.fonts.size }
}
