import Foundation

/// Creates the folder that holds the state file, with the system's own reason when it cannot.
enum StateFolder {
    /// Creates `path`'s parent folders (like `mkdir -p`, mode 0700: the state is private).
    ///
    /// POSIX `mkdir` rather than `FileManager`: its `strerror` reason ("Read-only file system",
    /// "Not a directory") fits the status bar, where Foundation's errors on Linux do not.
    static func createParent(of path: String) throws(ReadingStateError) {
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty else { return }
        var folder = parent.hasPrefix("/") ? "" : "."
        for component in parent.split(separator: "/") {
            folder += "/\(component)"
            if mkdir(folder, 0o700) == 0 { continue }
            let code = errno
            var status = stat()
            if code == EEXIST, stat(folder, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { continue }
            let reason = code == EEXIST ? "Not a directory" : String(cString: strerror(code))
            throw ReadingStateError(operation: .open, path: path, reason: "cannot create folder \(folder): \(reason)")
        }
    }
}
