import Foundation

/// Walks a corpus root and lists the article files under it, without opening any of them.
///
/// Uses `lstat`/`stat` only, so FIFOs and devices are classified (and skipped) without an `open`
/// that could block. Symlinks are followed; a folder reached twice (a loop, or two links to one
/// folder) is read once and the repeat is counted.
struct CorpusScanner {
    struct Candidate: Sendable {
        /// Path relative to the root: the article id.
        var id: String
        var fullPath: String
        /// Name of the folder holding the file (the default source).
        var folderName: String
    }

    let options: LoadOptions

    func scan(root: String, report: inout LoadReport) throws(CorpusError) -> [Candidate] {
        var info = stat()
        guard stat(root, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound(root) }
            throw .unreadable(root, String(cString: strerror(errno)))
        }
        let rootName = Self.displayName(ofFolder: root)
        if (info.st_mode & S_IFMT) != S_IFDIR {
            // A single file: its id is its file name, its source the folder it sits in.
            let parent = (root as NSString).deletingLastPathComponent
            let name = (root as NSString).lastPathComponent
            if (info.st_mode & S_IFMT) != S_IFREG {
                report.skip(name, .notRegularFile)
                return []
            }
            return [Candidate(id: name, fullPath: root, folderName: Self.displayName(ofFolder: parent.isEmpty ? "." : parent))]
        }
        var candidates: [Candidate] = []
        var visited: Set<FileIdentity> = [FileIdentity(info)]
        walk(folder: root, relative: "", folderName: rootName, visited: &visited, into: &candidates, report: &report)
        candidates.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        return candidates
    }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) { device = UInt64(info.st_dev); inode = UInt64(info.st_ino) }
    }

    private func walk(
        folder: String, relative: String, folderName: String, visited: inout Set<FileIdentity>,
        into candidates: inout [Candidate], report: inout LoadReport
    ) {
        guard let directory = opendir(folder) else {
            report.skip(relative.isEmpty ? "." : relative, .unreadable)
            return
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            // Hidden files and folders (.git, .DS_Store) are not articles and are not counted.
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        names.sort()
        for name in names {
            let fullPath = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let id = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            // stat follows symlinks; a dangling link or a permission problem is "unreadable".
            guard stat(fullPath, &info) == 0 else {
                report.skip(id, errno == ELOOP ? .symlinkLoop : .unreadable)
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                guard visited.insert(FileIdentity(info)).inserted else {
                    report.skip(id, .symlinkLoop)
                    continue
                }
                walk(folder: fullPath, relative: id, folderName: name, visited: &visited, into: &candidates, report: &report)
            case S_IFREG:
                guard isArticleFile(name) else {
                    report.skip(id, .otherExtension)
                    continue
                }
                candidates.append(Candidate(id: id, fullPath: fullPath, folderName: folderName))
            default:
                report.skip(id, .notRegularFile)
            }
        }
    }

    func isArticleFile(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return options.articleExtensions.contains("") }
        return options.articleExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// "Data" for "/x/Data", "/x/Data/" or "Data"; the current folder's own name for ".".
    static func displayName(ofFolder path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let standardized = (absolute as NSString).standardizingPath
        let name = (standardized as NSString).lastPathComponent
        return name.isEmpty || name == "/" ? "/" : name
    }
}
