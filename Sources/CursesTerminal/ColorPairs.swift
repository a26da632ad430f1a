/// Colour pairs allocated on demand, one per (foreground, background) a screen uses.
///
/// Curses draws colours only as numbered pairs set up with `init_pair`; the terminal's default
/// pair 0 needs no setup. Colour numbers the terminal lacks (a 256-colour index on an 8-colour
/// terminal) fall back to the default colour, and when the pairs run out further combinations get
/// pair 0: the style's attributes still carry every distinction (Documentation/architecture.md §11).
struct ColorPairs {
    /// What curses needs to set a pair up: `init_pair(number, foreground, background)`.
    typealias Initializer = (_ number: Int16, _ foreground: Int16, _ background: Int16) -> Bool

    /// Colours the terminal has (`COLORS`): 0, 8, 16, 256.
    let colors: Int
    /// Highest usable pair number plus one: `COLOR_PAIRS`, capped to what a `short` can hold.
    let pairLimit: Int
    /// Whether -1 ("the terminal's own colour") may be used (`use_default_colors` succeeded).
    let allowsDefaultColors: Bool
    private var numbers: [PairKey: Int16] = [:]
    private var next: Int16 = 1

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    init(colors: Int, pairs: Int, allowsDefaultColors: Bool) {
        self.colors = colors
        self.pairLimit = min(pairs, Int(Int16.max))
        self.allowsDefaultColors = allowsDefaultColors
    }

    /// Pairs set up so far (besides pair 0).
    var count: Int { numbers.count }

    /// The pair number for a colour combination, setting a new pair up if needed.
    mutating func pair(
        foreground: Int16, background: Int16, initialize: Initializer
    ) -> Int16 {
        let key = PairKey(foreground: resolve(foreground, default: 7), background: resolve(background, default: 0))
        // Pair 0 is the terminal's default colours (white on black without use_default_colors).
        if allowsDefaultColors ? key == PairKey(foreground: -1, background: -1) : key == PairKey(foreground: 7, background: 0) {
            return 0
        }
        if let number = numbers[key] { return number }
        guard Int(next) < pairLimit, initialize(next, key.foreground, key.background) else { return 0 }
        numbers[key] = next
        next += 1
        return numbers[key]!
    }

    /// A colour the terminal can show: -1 for the default, or `fallback` (white text on black)
    /// when the terminal cannot keep its own default colours.
    private func resolve(_ color: Int16, default fallback: Int16) -> Int16 {
        let usable = color >= 0 && Int(color) < colors ? color : -1
        if usable == -1 && !allowsDefaultColors { return fallback }
        return usable
    }
}
