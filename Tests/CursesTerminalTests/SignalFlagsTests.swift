import Testing

@testable import CursesTerminal

#if canImport(Glibc)
    import Glibc
#endif

extension CursesTerminalTests {
    @Suite struct SignalFlagsTests {
        /// Waits up to a second for the handler: kill() directs the signal at the process, and the
        /// kernel delivers it to a thread that does not block it (test workers block signals).
        private func pendingSignal(after signal: Int32) -> Int32? {
            kill(getpid(), signal)
            for _ in 0..<100 where SignalFlags.pendingSignal != signal { usleep(10_000) }
            return SignalFlags.pendingSignal
        }

        @Test func handlerRecordsTheSignal() {
            SignalFlags.reset()
            #expect(SignalFlags.pendingSignal == nil)
            // Signals ignored from the start (nohup, a shell's background job) must stay ignored.
            let ignored = SignalFlags.signals.filter(SignalFlags.isIgnored)
            SignalFlags.install()
            defer {
                for signal in SignalFlags.signals where !ignored.contains(signal) { Glibc.signal(signal, SIG_DFL) }
                SignalFlags.reset()
            }
            for signal in SignalFlags.signals {
                if ignored.contains(signal) {
                    #expect(SignalFlags.isIgnored(signal))
                } else {
                    #expect(pendingSignal(after: signal) == signal)
                }
            }
        }
    }
}
