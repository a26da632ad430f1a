import Foundation

/// Which column or JSON key of a record holds which part of an article. The usual names are known
/// (compared case-insensitively); `--field ROLE=NAME` and the config's `[fields]` table add others,
/// which are tried first.
public struct FieldNames: Sendable, Hashable {
    /// The parts of an article a record can fill.
    public enum Role: String, Sendable, CaseIterable, Hashable {
        case title, body, date, url, author, source
    }

    /// Names the user gave, per role, lower-cased, before the usual ones.
    public private(set) var custom: [Role: [String]] = [:]

    public init() {}

    /// The usual names, in order of preference. Body text takes the longest of its names present.
    static let usual: [Role: [String]] = [
        .title: ["title", "headline"],
        .body: ["text", "body", "content", "article", "description"],
        .date: ["date", "published", "publish_date", "pubdate", "timestamp"],
        .url: ["url", "link"],
        .author: ["author", "byline", "authors"],
        .source: ["source", "category", "site", "publisher"]
    ]

    /// Adds `name` as a field for `role`.
    public mutating func add(_ name: String, for role: Role) {
        let name = name.lowercased()
        if !custom[role, default: []].contains(name) { custom[role, default: []].append(name) }
    }

    /// Reads `ROLE=NAME` (`title=headline`); nil with the reason when it is not that.
    public mutating func add(mapping: String) -> String? {
        guard let equals = mapping.firstIndex(of: "=") else { return "expected ROLE=NAME, got \(mapping)" }
        let roleName = mapping[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
        let name = mapping[mapping.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard let role = Role(rawValue: roleName == "text" ? "body" : roleName) else {
            return "unknown field \(roleName) (one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))"
        }
        guard !name.isEmpty else { return "no field name after \(roleName)=" }
        add(name, for: role)
        return nil
    }

    /// The role of the field called `name` (already lower-cased) and its rank among the role's
    /// names (lower is preferred); nil for a field folio does not use.
    func role(ofLowercased name: String) -> (role: Role, rank: Int)? {
        for role in Role.allCases {
            if let rank = custom[role]?.firstIndex(of: name) { return (role, rank) }
        }
        for role in Role.allCases {
            if let rank = Self.usual[role]!.firstIndex(of: name) { return (role, 100 + rank) }
        }
        return nil
    }

    /// A stable text of the custom names, for the snapshot fingerprint.
    var fingerprintText: String {
        Role.allCases.compactMap { role in custom[role].map { "\(role.rawValue)=\($0.joined(separator: ","))" } }
            .joined(separator: ";")
    }
}
