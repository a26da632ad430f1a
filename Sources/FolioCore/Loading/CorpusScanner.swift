import Foundation

/// Walks a corpus root and lists the article files under it, without opening any of them.
///
/// Uses `lstat`/`stat` only, so FIFOs and devices are classified (and skipped) without an `open`
/// that could block. Symlinks are followed where `CorpusBoundary` allows (inside the corpus folder,
/// unless `LoadOptions.followLinks`); a folder reached twice (a loop, or two links to one folder) is
/// read once and the repeat is counted.
struct CorpusScanner {
    struct Candidate: Sendable {
        /// Path relative to the root: the article id.
        var id: String
        /// The file's path as bytes, NUL-terminated: file names are bytes, not always UTF-8, and a
        /// name decoded to a String (with U+FFFD) would no longer open.
        var fullPath: [CChar]
        /// Name of the folder holding the file (the default source).
        var folderName: String
        /// What the file holds (by its name; a Maildir's messages by where they are).
        var kind = FileKind(format: .text)
        /// What the snapshot fingerprint compares: a file changed when any of these did.
        var size: Int64 = 0
        var modifiedNanoseconds: Int64 = 0
        var changedNanoseconds: Int64 = 0
        var inode: UInt64 = 0
        var device: UInt64 = 0

        init(id: String, fullPath: [CChar], folderName: String, info: stat? = nil) {
            self.id = id
            self.fullPath = fullPath
            self.folderName = folderName
            if let info {
                size = Int64(info.st_size)
                modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                changedNanoseconds = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
                inode = UInt64(info.st_ino)
                device = UInt64(info.st_dev)
            }
        }
    }

    let options: LoadOptions
    /// Stat a big folder's names on all cores (a start waits for it); false for a background check,
    /// which should leave the cores to the reader's searches.
    var usesAllCores = true

    func scan(root: String, report: inout LoadReport) throws(CorpusError) -> [Candidate] {
        var info = stat()
        guard stat(root, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound(root) }
            throw .unreadable(root, String(cString: strerror(errno)))
        }
        let rootName = Self.displayName(ofFolder: root)
        let boundary = CorpusBoundary(path: root, followLinks: options.followLinks)
        if (info.st_mode & S_IFMT) != S_IFDIR {
            // A single file: its id is its file name, its source the folder it sits in.
            let parent = (root as NSString).deletingLastPathComponent
            let name = PrintableName.of((root as NSString).lastPathComponent.utf8)
            if let reason = boundary.rootProblem(info) {
                report.skip(name, reason)
                return []
            }
            if (info.st_mode & S_IFMT) != S_IFREG {
                report.skip(name, .notRegularFile)
                return []
            }
            var candidate = Candidate(
                id: name, fullPath: Self.cPath(Array(root.utf8)),
                folderName: Self.displayName(ofFolder: parent.isEmpty ? "." : parent), info: info)
            // A file named on the command line is read whatever its extension, as the kind its name says.
            let all = options.articleExtensions.union(LoadOptions.defaultArticleExtensions)
            candidate.kind =
                FileKind.of(name: Array((root as NSString).lastPathComponent.utf8), extensions: all) ?? FileKind(format: .text)
            return [candidate]
        }
        if let reason = boundary.rootProblem(info) {
            report.skip(".", reason)
            return []
        }
        var candidates: [Candidate] = []
        var visited: Set<FileIdentity> = [FileIdentity(info)]
        walk(
            Folder(path: Array(root.utf8), relative: "", name: rootName, device: UInt64(info.st_dev)), boundary: boundary,
            visited: &visited, into: &candidates, report: &report)
        // The walk visits names in an order that gives ids in byte order already; a name written
        // with escapes (`PrintableName`: "\x01" sorts after "A") can break that, so check, and sort only then.
        if !zip(candidates, candidates.dropFirst()).allSatisfy({ $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }) {
            candidates.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        }
        return candidates
    }

    /// A folder being walked: its path in bytes (not NUL-terminated), its id prefix, its name as a
    /// source, and its device.
    private struct Folder {
        var path: [UInt8]
        var relative: String
        var name: String
        var device: UInt64
        /// In a Maildir's `cur/` or `new/`: the Maildir's id, which prefixes its messages' ids.
        var maildir: String? = nil
    }

    private struct Entry {
        var bytes: [UInt8]
        var info: stat
        var statError: Int32
        var isLink: Bool
        /// The name, with "/" after a folder's: in this order a depth-first walk lists ids in byte
        /// order ("a.txt" < "a/b.txt", as '.' < '/'), so no sort of all ids is needed.
        var sortKey: [UInt8]
        var isFolder: Bool { statError == 0 && (info.st_mode & S_IFMT) == S_IFDIR }
    }

    private func walk(
        _ folder: Folder, boundary: CorpusBoundary, visited: inout Set<FileIdentity>,
        into candidates: inout [Candidate], report: inout LoadReport
    ) {
        guard let directory = opendir(Self.cPath(folder.path)) else {
            report.skip(folder.relative.isEmpty ? "." : folder.relative, .unreadable)
            return
        }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var names: [(bytes: [UInt8], type: UInt8)] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix(while: { $0 != 0 })) }
            // Hidden files and folders (.git, .DS_Store) are not articles and are not counted.
            if bytes.first == UInt8(ascii: ".") { continue }
            names.append((bytes, entry.pointee.d_type))
        }
        // stat (relative to the open folder: no path walk per file) follows symlinks; a dangling
        // link or a permission problem is "unreadable". stat is most of a scan's time (kernel), so
        // a big folder's names are stat-ed on all cores. readdir says which names are links; where
        // the file system does not say (DT_UNKNOWN), lstat does.
        let statOne = { (name: (bytes: [UInt8], type: UInt8)) -> Entry in
            var info = stat()
            let path = Self.cPath(name.bytes)
            var isLink = name.type == UInt8(DT_LNK)
            if name.type == UInt8(DT_UNKNOWN), fstatat(descriptor, path, &info, AT_SYMLINK_NOFOLLOW) == 0 {
                isLink = (info.st_mode & S_IFMT) == S_IFLNK
            }
            let result = fstatat(descriptor, path, &info, 0)
            let bytes = name.bytes
            var item = Entry(bytes: bytes, info: info, statError: result == 0 ? 0 : errno, isLink: isLink, sortKey: bytes)
            if item.isFolder { item.sortKey.append(UInt8(ascii: "/")) }
            return item
        }
        var entries: [Entry]
        if names.count >= 2048 && usesAllCores {
            let parts = Parallel.ranges(names.count, parts: Parallel.workerCount * 4)
            entries = Parallel.map(parts.count) { part in parts[part].map { statOne(names[$0]) } }.flatMap { $0 }
        } else {
            entries = names.map(statOne)
        }
        // Sorted through an index: an entry carries a 144-byte stat, too big to move around.
        let order = entries.indices.sorted { entries[$0].sortKey.lexicographicallyPrecedes(entries[$1].sortKey) }
        entries = order.map { entries[$0] }
        let isMaildir = Maildir.isMaildir(entries.filter(\.isFolder).map(\.bytes))
        for item in entries {
            let name = PrintableName.of(item.bytes)
            var id = folder.relative.isEmpty ? name : folder.relative + "/" + name
            if let maildir = folder.maildir {
                let unique = PrintableName.of(Maildir.uniqueName(item.bytes))
                id = maildir.isEmpty ? unique : maildir + "/" + unique
            }
            guard item.statError == 0 else {
                report.skip(id, item.statError == ELOOP ? .symlinkLoop : .unreadable)
                continue
            }
            let fullPath =
                folder.path.last == UInt8(ascii: "/")
                ? folder.path + item.bytes : folder.path + [UInt8(ascii: "/")] + item.bytes
            let type = item.info.st_mode & S_IFMT
            // What would be read or walked must stay inside; a link to a device or FIFO is skipped below anyway.
            if type == S_IFDIR || type == S_IFREG,
                let reason = boundary.problem(path: fullPath, info: item.info, isLink: item.isLink, folderDevice: folder.device)
            {
                report.skip(id, reason)
                continue
            }
            switch type {
            case S_IFDIR:
                guard visited.insert(FileIdentity(item.info)).inserted else {
                    report.skip(id, .symlinkLoop)
                    continue
                }
                var subfolder = Folder(path: fullPath, relative: id, name: name, device: UInt64(item.info.st_dev))
                if isMaildir, let part = Maildir.part(item.bytes) {
                    // tmp/ holds messages still being written: never read (architecture.md §5).
                    guard part != .tmp else { continue }
                    subfolder.maildir = folder.relative
                    subfolder.name = folder.name
                }
                walk(subfolder, boundary: boundary, visited: &visited, into: &candidates, report: &report)
            case S_IFREG:
                if folder.maildir != nil {
                    var candidate = Candidate(id: id, fullPath: Self.cPath(fullPath), folderName: folder.name, info: item.info)
                    candidate.kind = FileKind(format: .maildir)
                    candidates.append(candidate)
                    continue
                }
                guard !isMaildir, let kind = FileKind.of(name: item.bytes, extensions: options.articleExtensions) else {
                    report.skip(id, .otherExtension)
                    continue
                }
                var candidate = Candidate(id: id, fullPath: Self.cPath(fullPath), folderName: folder.name, info: item.info)
                candidate.kind = kind
                candidates.append(candidate)
            default:
                report.skip(id, .notRegularFile)
            }
        }
    }

    /// A path's bytes as a NUL-terminated C string.
    static func cPath(_ bytes: [UInt8]) -> [CChar] { bytes.map { CChar(bitPattern: $0) } + [0] }

    /// "Data" for "/x/Data", "/x/Data/" or "Data"; the current folder's own name for ".".
    static func displayName(ofFolder path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let standardized = (absolute as NSString).standardizingPath
        let name = (standardized as NSString).lastPathComponent
        return name.isEmpty || name == "/" ? "/" : PrintableName.of(name.utf8)
    }
}
