import Foundation
import ReadingState

/// Where the reader keeps its reading state this session, decided from the options before the
/// corpus loads (so a wrong combination fails at once).
///
/// Restricted mode shows one visitor nothing of another: by default marks, bookmarks and
/// positions live in memory until the visitor quits, whatever `--state` names; with
/// `--state-per-visitor` they live in the `--state` file under the fingerprint of the visitor's
/// SSH key, and a visitor without one gets the session-only state. The search history is never
/// read or written in restricted mode.
enum StatePlan: Equatable {
    /// In the state file at `path`; under the visitor's own corpus keys when `visitor` is set; the
    /// search history too when `keepsHistory`.
    case file(path: String, visitor: VisitorIdentity?, keepsHistory: Bool)
    /// In memory until the reader quits; `notice`, for the status line, says why when more was asked.
    case sessionOnly(notice: String?)

    static func decide(
        restricted: Bool, statePath: String?, perVisitor: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> StatePlan {
        guard restricted else {
            if perVisitor { throw FolioExit.usage("--state-per-visitor is for restricted mode (--restricted)") }
            let path = statePath ?? ReadingStateStore.defaultPath(environment: environment)
            return .file(path: path, visitor: nil, keepsHistory: true)
        }
        guard perVisitor else { return .sessionOnly(notice: nil) }
        guard let statePath else { throw FolioExit.usage("--state-per-visitor needs --state PATH, the visitors' state file") }
        switch VisitorIdentity.current(environment: environment) {
        case .success(let visitor): return .file(path: statePath, visitor: visitor, keepsHistory: false)
        case .failure(let reason): return .sessionOnly(notice: "marks kept for this session only: \(reason)")
        }
    }
}
