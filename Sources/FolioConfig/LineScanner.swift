/// Reads TOML keys and skips values on one line, for `SourceLocator`.
struct LineScanner {
    private let characters: [Character]
    private var position = 0

    init(_ line: Substring) { characters = Array(line) }

    var peek: Character? { position < characters.count ? characters[position] : nil }

    func starts(with text: String) -> Bool { characters[position...].starts(with: text) }

    mutating func advance(by count: Int) { position = min(characters.count, position + count) }

    mutating func skipSpaces() {
        while let character = peek, character == " " || character == "\t" { position += 1 }
    }

    /// Skips spaces, then `character` if it is next.
    mutating func consume(_ character: Character) -> Bool {
        skipSpaces()
        guard peek == character else { return false }
        position += 1
        return true
    }

    /// A dotted key: `a`, `"a b".c`, `'x'`. `nil` (and the position unspecified) if there is none.
    mutating func keyPath() -> [String]? {
        var parts: [String] = []
        repeat {
            skipSpaces()
            guard let part = keyPart() else { return nil }
            parts.append(part)
        } while consume(".")
        return parts
    }

    private mutating func keyPart() -> String? {
        switch peek {
        case "\"": return quoted("\"")
        case "'": return quoted("'")
        default:
            let start = position
            while let character = peek, Self.isBareKeyCharacter(character) { position += 1 }
            return position > start ? String(characters[start..<position]) : nil
        }
    }

    /// A-Z, a-z, 0-9, `_` and `-` (TOML bare keys).
    private static func isBareKeyCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-")
    }

    /// A quoted key; a basic string's escapes are decoded, so that `"k\u001B"` matches the key
    /// TOMLKit reports.
    private mutating func quoted(_ quote: Character) -> String? {
        position += 1
        var text = ""
        while let character = peek {
            position += 1
            if character == quote { return text }
            if character == "\\" && quote == "\"", let next = peek {
                position += 1
                text.append(unescaped(next))
            } else {
                text.append(character)
            }
        }
        return nil
    }

    /// The character a basic string's `\` + `letter` stands for, reading the hex digits of `\uXXXX`,
    /// `\UXXXXXXXX` and `\xHH`; `letter` itself for `\"`, `\\` and anything unknown.
    private mutating func unescaped(_ letter: Character) -> Character {
        switch letter {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "e": return "\u{1B}"
        case "u", "U", "x":
            let count = letter == "u" ? 4 : letter == "U" ? 8 : 2
            guard position + count <= characters.count,
                let value = UInt32(String(characters[position..<position + count]), radix: 16),
                let scalar = Unicode.Scalar(value)
            else { return letter }
            position += count
            return Character(scalar)
        default: return letter
        }
    }

    /// Skips one value up to the `,` or `}` that ends it (strings, arrays and tables nested).
    mutating func skipValue() {
        var depth = 0
        while let character = peek {
            switch character {
            case "\"", "'":
                _ = quoted(character)
                continue
            case "[", "{": depth += 1
            case "]", "}":
                if depth == 0 { return }
                depth -= 1
            case ",":
                if depth == 0 { return }
            default: break
            }
            position += 1
        }
    }
}
