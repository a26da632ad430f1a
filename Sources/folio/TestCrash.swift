#if DEBUG
    import Foundation

    /// Debug builds only, for the crash tests: with `FOLIO_TEST_CRASH_FILE=PATH`, a thread watches for
    /// PATH to appear and then fails a Swift check (a nil unwrapped), as a bug in a search or index
    /// thread would: the runtime prints its one-line fatal error and traps. Release builds, the ones
    /// installed for SSH visitors, have no such code; restricted mode ignores the variable even here.
    enum TestCrash {
        static func armIfAsked() {
            guard let path = getenv("FOLIO_TEST_CRASH_FILE").map({ String(cString: $0) }), !path.isEmpty else { return }
            let restricted = getenv("FOLIO_RESTRICTED").map { String(cString: $0) } ?? ""
            guard restricted.isEmpty || restricted == "0", !CommandLine.arguments.contains("--restricted") else { return }
            Thread.detachNewThread {
                while access(path, F_OK) != 0 { usleep(20_000) }
                let notANumber = Int(path.isEmpty ? "0" : "crash")
                print(notANumber!)
            }
        }
    }
#endif
