import Foundation

/// Which kind of file system holds a path, from `/proc/self/mountinfo` (Swift's Glibc module has no
/// `statfs`). Used to keep the text spill file off memory-backed file systems.
enum MountTable {
    /// The file system type ("ext4", "tmpfs") of the mount holding `path` (an absolute path with
    /// symlinks resolved), or nil when the table cannot be read.
    static func fileSystemType(of path: String) -> String? {
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return nil }
        return fileSystemType(of: path, mountInfo: table)
    }

    /// The type of the mount in `mountInfo` whose mount point is the longest prefix of `path`; the
    /// last one listed wins a tie (a later mount over the same point hides the earlier).
    static func fileSystemType(of path: String, mountInfo: String) -> String? {
        var best: (length: Int, type: String)?
        for line in mountInfo.split(separator: "\n") {
            // "id parent major:minor root mountpoint options [optional fields] - type source options"
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 5, let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count else { continue }
            let mountPoint = unescape(fields[4])
            guard contains(mountPoint, path) else { continue }
            if best == nil || mountPoint.utf8.count >= best!.length {
                best = (mountPoint.utf8.count, String(fields[dash + 1]))
            }
        }
        return best?.type
    }

    private static func contains(_ mountPoint: String, _ path: String) -> Bool {
        if mountPoint == "/" { return path.hasPrefix("/") }
        return path == mountPoint || path.hasPrefix(mountPoint + "/")
    }

    /// Mount points write space, tab, newline and backslash as octal escapes ("\040").
    static func unescape(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        var bytes: [UInt8] = []
        let utf8 = Array(field.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "\\"), index + 4 <= utf8.count {
                let digits = utf8[(index + 1)..<(index + 4)]
                if digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) {
                    bytes.append(digits.reduce(UInt8(0)) { $0 &* 8 &+ ($1 - 0x30) })
                    index += 4
                    continue
                }
            }
            bytes.append(utf8[index])
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension MountTable {
    /// File system types that are the kernel's view of itself rather than files: a walk for articles
    /// never enters them (`/proc/*/root` alone leads to every file system again, without end).
    static let kernelFileSystemTypes: Set<String> = [
        "proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "debugfs", "tracefs", "securityfs", "pstore",
        "bpf", "configfs", "efivarfs", "binfmt_misc", "fusectl", "mqueue", "selinuxfs", "nsfs"
    ]

    /// The device numbers (`st_dev`) of the mounted kernel file systems; empty when the table cannot
    /// be read.
    static func kernelFileSystemDevices() -> Set<UInt64> {
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return [] }
        return kernelFileSystemDevices(mountInfo: table)
    }

    static func kernelFileSystemDevices(mountInfo: String) -> Set<UInt64> {
        var devices: Set<UInt64> = []
        for line in mountInfo.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 5, let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count,
                kernelFileSystemTypes.contains(String(fields[dash + 1]))
            else { continue }
            let numbers = fields[2].split(separator: ":")
            guard numbers.count == 2, let major = UInt64(numbers[0]), let minor = UInt64(numbers[1]) else { continue }
            devices.insert(deviceNumber(major: major, minor: minor))
        }
        return devices
    }

    /// glibc's `makedev`: how `st_dev` packs the "major:minor" that mountinfo lists.
    static func deviceNumber(major: UInt64, minor: UInt64) -> UInt64 {
        (major & 0xFFFF_F000) << 32 | (major & 0xFFF) << 8 | (minor & 0xFFFF_FF00) << 12 | (minor & 0xFF)
    }
}
