import Testing

@testable import CursesTerminal

struct ASCIIFallbackTests {
    @Test func typographyBecomesASCII() {
        #expect(ASCIIFallback.transliterate("“Teigen’s” ‘x’ – — … «a»") == "\"Teigen's\" 'x' - - ... \"a\"")
    }

    @Test func accentedLatinLettersLoseTheirAccents() {
        #expect(ASCIIFallback.transliterate("Ça naïve Ångström Łódź Øre") == "Ca naive Angstrom Lodz Ore")
        // Decomposed text: the marks are dropped, the letters stay.
        #expect(ASCIIFallback.transliterate("e\u{301}a\u{308}") == "ea")
        #expect(ASCIIFallback.transliterate("Straße Æsir œuvre") == "Strasse AEsir oeuvre")
    }

    @Test func anythingElseIsAQuestionMark() {
        #expect(ASCIIFallback.transliterate("漢字 Ωμέγα 👍") == "?? ????? ?")
        #expect(ASCIIFallback.transliterate("ＡＢＣ\u{A0}x") == "ABC x")
    }

    @Test func oneColumnGetsOneCharacter() {
        #expect(ASCIIFallback.character(for: "…") == ".")
        #expect(ASCIIFallback.character(for: "é") == "e")
        #expect(ASCIIFallback.character(for: "漢") == "?")
    }
}
