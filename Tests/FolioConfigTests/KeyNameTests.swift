import FolioConfig
import FolioUI
import TerminalCore
import Testing

struct KeyNameTests {
    @Test func everyDefaultKeyRoundTrips() {
        let keys = Set(KeyMap.standard.bindings.flatMap(\.keys))
        #expect(keys.count > 20)
        for key in keys {
            #expect(KeyName.parse(KeyName.name(key)) == key, "\(key)")
        }
    }

    @Test(arguments: [
        ("j", Key.character("j")), ("G", .character("G")), ("/", .character("/")), ("Space", .character(" ")),
        ("space", .character(" ")), ("C-u", .control("u")), ("c-U", .control("u")), ("PgDn", .pageDown),
        ("pagedown", .pageDown), ("PGUP", .pageUp), ("F1", .function(1)), ("f12", .function(12)),
        ("S-Tab", .backTab), ("Esc", .escape), ("Escape", .escape), ("Enter", .enter), ("Return", .enter),
        ("Del", .delete), ("Ins", .insert), ("Backspace", .backspace), ("Home", .home), ("é", .character("é"))
    ])
    func parsesNamesAndAliases(text: String, key: Key) {
        #expect(KeyName.parse(text) == key)
    }

    @Test(arguments: ["", "Ctrl-x", "C-", "C-1", "C-ab", "F0", "F64", "F01", "Fx", "PageDownn", "\t", "\u{7}", "jk"])
    func rejectsUnknownNames(text: String) {
        #expect(KeyName.parse(text) == nil)
    }

    @Test func namesUseKeyDescription() {
        #expect(KeyName.name(.control("u")) == "C-u")
        #expect(KeyName.name(.character(" ")) == "Space")
        #expect(KeyName.name(.backTab) == "S-Tab")
        #expect(KeyName.name(.function(5)) == "F5")
    }
}
