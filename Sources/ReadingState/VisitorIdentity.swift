import Foundation

/// Who an SSH visitor is, for keeping marks per visitor: the fingerprints (`SHA256:…`, as
/// `ssh-keygen -l` and sshd's log print them) of the public keys the visitor logged in with.
///
/// sshd writes those keys to the file named by `SSH_USER_AUTH` when it has `ExposeAuthInfo yes`:
/// one line per authentication method, `publickey ssh-ed25519 AAAA…` for a key. A visitor who
/// logged in without a key (a password only) has no identity, and shares nothing.
public struct VisitorIdentity: Sendable, Equatable, CustomStringConvertible {
    /// The fingerprint of each key used, in the order sshd accepted them.
    public let fingerprints: [String]

    /// The identity in sshd's authentication info, or nil when it names no public key.
    public init?(authInfo: String) {
        var fingerprints: [String] = []
        for line in authInfo.split(whereSeparator: \.isNewline) {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 3, words[0] == "publickey",
                let blob = Data(base64Encoded: String(words[2])), !blob.isEmpty
            else { continue }
            let digest = Data(SHA256.digest([UInt8](blob))).base64EncodedString()
            // OpenSSH prints the digest in base64 without its "=" padding.
            fingerprints.append("SHA256:" + digest.replacingOccurrences(of: "=", with: ""))
        }
        guard !fingerprints.isEmpty else { return nil }
        self.fingerprints = fingerprints
    }

    public var description: String { fingerprints.joined(separator: ",") }

    /// The largest authentication-info file read: sshd's holds a few keys or certificates.
    static let maximumAuthInfoSize = 64 * 1024

    /// The visitor of this SSH session, or why there is none, as one line.
    ///
    /// The file must be a regular file of this user (sshd creates it so); anything else named by
    /// the variable is refused rather than trusted.
    public static func current(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Result<VisitorIdentity, Unavailable> {
        guard let path = environment["SSH_USER_AUTH"], !path.isEmpty else {
            return .failure(Unavailable("SSH_USER_AUTH is not set (sshd needs ExposeAuthInfo yes)"))
        }
        var status = stat()
        guard stat(path, &status) == 0 else {
            return .failure(Unavailable("cannot read SSH_USER_AUTH: \(String(cString: strerror(errno)))"))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG, status.st_uid == getuid(),
            status.st_size <= maximumAuthInfoSize
        else {
            return .failure(Unavailable("SSH_USER_AUTH is not a small file of this user"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Unavailable("cannot read SSH_USER_AUTH"))
        }
        guard let identity = VisitorIdentity(authInfo: String(decoding: data, as: UTF8.self)) else {
            return .failure(Unavailable("the visitor did not log in with a key"))
        }
        return .success(identity)
    }

    /// Why a session has no visitor identity, as one line.
    public struct Unavailable: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
