import BoardPack
import Testing

@Suite struct SheetNamerTests {
    @Test func longNamesLoseTheirParentheticalFirst() {
        var namer = SheetNamer()
        #expect("Substance Misuse (Drugs & Alcohol)".count == 34)
        #expect(namer.name(for: "Substance Misuse (Drugs & Alcohol)") == "Substance Misuse")
        #expect(namer.name(for: "2.3 Substance Misuse (Drugs & Alcohol)") == "2.3 Substance Misuse")
    }

    @Test func longNamesAreCutAtAWord() {
        var namer = SheetNamer()
        let name = namer.name(for: "1.1 Proven Re-offending of adult offenders in Kent")
        #expect(name == "1.1 Proven Re-offending of")
        #expect(name.count <= 31)
        #expect(namer.name(for: String(repeating: "x", count: 40)) == String(repeating: "x", count: 31))
    }

    @Test func forbiddenCharactersAreReplaced() {
        var namer = SheetNamer()
        #expect(namer.name(for: "Finance/Benefits: Debt [draft]?*") == "Finance-Benefits Debt draft")
        #expect(namer.name(for: "'Quoted'") == "Quoted")
        #expect(namer.name(for: "History") == "History sheet")
        #expect(namer.name(for: "   ") == "Sheet")
    }

    @Test func namesAreUniqueIgnoringCase() {
        var namer = SheetNamer()
        #expect(namer.name(for: "Accommodation") == "Accommodation")
        #expect(namer.name(for: "ACCOMMODATION") == "ACCOMMODATION (2)")
        #expect(namer.name(for: "accommodation") == "accommodation (3)")
        let long = "Integrated Offender Management Strategic Board"
        let first = namer.name(for: long), second = namer.name(for: long)
        #expect(first != second && first.count <= 31 && second.count <= 31)
        #expect(second.hasSuffix(" (2)"))
    }

    @Test func theSameInputsGiveTheSameNames() {
        let inputs = ["Substance Misuse (Drugs & Alcohol)", "Substance Misuse", "Substance misuse (other)"]
        var a = SheetNamer(), b = SheetNamer()
        #expect(inputs.map { a.name(for: $0) } == inputs.map { b.name(for: $0) })
    }
}
