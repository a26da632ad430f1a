import Foundation

/// A Maildir: a folder with `cur/`, `new/` and `tmp/`, one message a file in `cur/` and `new/`.
///
/// A message's id is the Maildir's path and the message's unique name, without the sub-folder and
/// without the `:2,FLAGS` info a mail program adds and changes (`:2,S` once seen): a message keeps
/// its id, and so its read mark, when it moves from `new/` to `cur/` or is flagged. Other files in
/// the Maildir folder itself are not articles, so no file can have a message's id.
enum Maildir {
    enum Part { case cur, new, tmp }

    static func isMaildir(_ folderNames: [[UInt8]]) -> Bool {
        let parts = Set(folderNames.compactMap(part))
        return parts.count == 3
    }

    static func part(_ name: [UInt8]) -> Part? {
        switch name {
        case Array("cur".utf8): .cur
        case Array("new".utf8): .new
        case Array("tmp".utf8): .tmp
        default: nil
        }
    }

    /// `1600000001.M1P1.host:2,S` → `1600000001.M1P1.host`.
    static func uniqueName(_ name: [UInt8]) -> ArraySlice<UInt8> {
        guard let colon = name.lastIndex(of: UInt8(ascii: ":")), name[colon...].starts(with: ":2,".utf8) else { return name[...] }
        return name[..<colon]
    }

    /// The message file of the id `unique` in the Maildir at `folder`: in `cur/` or `new/`, with
    /// whatever info its name carries now; nil when it is gone.
    static func messagePath(folder: String, unique: String) -> String? {
        for part in ["cur", "new"] {
            let directory = folder + "/" + part
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            if let name = names.first(where: { $0 == unique || $0.hasPrefix(unique + ":2,") }) { return directory + "/" + name }
        }
        return nil
    }
}
