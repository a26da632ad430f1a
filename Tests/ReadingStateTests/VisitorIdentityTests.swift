import Foundation
import Testing

@testable import ReadingState

/// The visitor's identity from sshd's authentication info (`SSH_USER_AUTH`, ExposeAuthInfo).
struct VisitorIdentityTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        )
    ])
    func sha256MatchesTheStandardVectors(input: String, hex: String) {
        let digest = SHA256.digest(Array(input.utf8))
        #expect(digest.map { String(format: "%02x", $0) }.joined() == hex)
    }

    @Test func sha256OfAMillionAs() {
        let digest = SHA256.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(
            digest.map { String(format: "%02x", $0) }.joined()
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// `ssh-keygen -lf` on this key printed `256 SHA256:bEnYVLWdZSxp4skKZdx42nGLRxqkFT1rxcujsDnDArE (ED25519)`.
    @Test func aPublicKeyLineGivesOpenSSHsFingerprint() throws {
        let info = "publickey ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHQ9WvNDTClRnt0Oy04+EkVjgvT5kERqyR0cF82Dxyx/\n"
        let identity = try #require(VisitorIdentity(authInfo: info))
        #expect(identity.fingerprints == ["SHA256:bEnYVLWdZSxp4skKZdx42nGLRxqkFT1rxcujsDnDArE"])
        #expect(identity.description == "SHA256:bEnYVLWdZSxp4skKZdx42nGLRxqkFT1rxcujsDnDArE")
    }

    @Test func twoKeysAreBothTheIdentityAndOtherMethodsAreIgnored() throws {
        let info = """
            password
            keyboard-interactive/pam
            publickey ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHQ9WvNDTClRnt0Oy04+EkVjgvT5kERqyR0cF82Dxyx/
            publickey ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ==
            """
        let identity = try #require(VisitorIdentity(authInfo: info))
        #expect(identity.fingerprints.count == 2)
        #expect(identity.fingerprints.allSatisfy { $0.hasPrefix("SHA256:") && $0.count == 50 })
    }

    @Test(arguments: ["", "password\n", "keyboard-interactive/pam\n", "publickey ssh-ed25519\n", "publickey ssh-ed25519 %%%\n"])
    func noKeyIsNoIdentity(info: String) {
        #expect(VisitorIdentity(authInfo: info) == nil)
    }

    @Test func differentKeysAreDifferentVisitorsOfOneCorpus() throws {
        let first = try #require(VisitorIdentity(authInfo: "publickey ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAA\n"))
        let second = try #require(VisitorIdentity(authInfo: "publickey ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAB\n"))
        let corpus = CorpusKey("/srv/articles")
        #expect(corpus.visitor(first) != corpus.visitor(second))
        #expect(corpus.visitor(first).value == "visitor:\(first):/srv/articles")
    }

    @Test func theSessionIdentityComesFromTheFileSSHUserAuthNames() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("auth")
        try Data("publickey ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAA\n".utf8).write(to: URL(fileURLWithPath: file))
        let identity = try VisitorIdentity.current(environment: ["SSH_USER_AUTH": file]).get()
        #expect(identity == VisitorIdentity(authInfo: "publickey ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAA"))

        #expect(
            VisitorIdentity.current(environment: [:])
                == .failure(.init("SSH_USER_AUTH is not set (sshd needs ExposeAuthInfo yes)")))
        #expect(
            VisitorIdentity.current(environment: ["SSH_USER_AUTH": folder.path])
                == .failure(.init("SSH_USER_AUTH is not a small file of this user")))
        #expect(
            VisitorIdentity.current(environment: ["SSH_USER_AUTH": folder.file("missing")])
                == .failure(.init("cannot read SSH_USER_AUTH: No such file or directory")))
        try Data("password\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(
            VisitorIdentity.current(environment: ["SSH_USER_AUTH": file])
                == .failure(.init("the visitor did not log in with a key")))
    }
}
