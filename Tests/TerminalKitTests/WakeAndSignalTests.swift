#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import TerminalKit

@Suite(.serialized) struct WakeAndSignalTests {
    /// A pipe standing in for stdin, so the test does not depend on how it was started.
    func fakeStdin() -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [-1, -1]
        #expect(pipe(&descriptors) == 0)
        return (descriptors[0], descriptors[1])
    }

    @Test func wakeInterruptsTheWaitAndIsDrained() throws {
        let wake = try WakePipe()
        let stdin = fakeStdin()
        defer { close(stdin.read); close(stdin.write) }
        wake.wake()
        wake.wake()
        let first = InputWaiter.wait(stdin: stdin.read, wake: wake, timeoutMilliseconds: 5000)
        #expect(first == InputWaiter.Readiness(input: false, woken: true))
        // Drained: the next wait times out instead of returning at once.
        let second = InputWaiter.wait(stdin: stdin.read, wake: wake, timeoutMilliseconds: 10)
        #expect(second == InputWaiter.Readiness(input: false, woken: false))
    }

    @Test func inputEndsTheWait() throws {
        let wake = try WakePipe()
        let stdin = fakeStdin()
        defer { close(stdin.read); close(stdin.write) }
        var byte: UInt8 = 0x61
        #expect(write(stdin.write, &byte, 1) == 1)
        let readiness = InputWaiter.wait(stdin: stdin.read, wake: wake, timeoutMilliseconds: 5000)
        #expect(readiness == InputWaiter.Readiness(input: true, woken: false))
    }

    @Test func endOfInputIsReportedAsClosed() throws {
        let wake = try WakePipe()
        let stdin = fakeStdin()
        defer { close(stdin.read) }
        // The writer gone, as when the terminal vanished: readable for ever, nothing to read.
        close(stdin.write)
        let readiness = InputWaiter.wait(stdin: stdin.read, wake: wake, timeoutMilliseconds: 5000)
        #expect(readiness.input)
        #expect(readiness.inputClosed)
    }

    @Test func wakeFromAnotherThread() async throws {
        let wake = try WakePipe()
        let stdin = fakeStdin()
        defer { close(stdin.read); close(stdin.write) }
        // A thread of its own, not a Task: this test blocks a worker of the (two-thread) pool in
        // poll(), and under load the other worker may be blocked too.
        Thread.detachNewThread {
            usleep(20_000)
            wake.wake()
        }
        let readiness = InputWaiter.wait(stdin: stdin.read, wake: wake, timeoutMilliseconds: 5000)
        #expect(readiness.woken)
    }

    @Test func signalIsRecordedAndWakes() throws {
        let wake = try WakePipe()
        let stdin = fakeStdin()
        defer { close(stdin.read); close(stdin.write) }
        TerminalSignals.install(wake: wake)
        defer { TerminalSignals.uninstall() }
        #expect(TerminalSignals.takePending() == nil)
        // To the process, not raise(): test threads are dispatch workers, which block signals,
        // so the kernel hands it to a thread that takes it (the main thread) as in the app.
        kill(getpid(), SIGHUP)
        let readiness = InputWaiter.wait(stdin: stdin.read, wake: wake, timeoutMilliseconds: 5000)
        #expect(readiness.woken)
        #expect(TerminalSignals.takePending() == SIGHUP)
        #expect(TerminalSignals.takePending() == nil)
    }

    /// A held signal is recorded and wakes as any, and says it consumed the hold (the app then
    /// decides when to leave); SIGQUIT never takes the hold.
    @Test func aHeldSignalConsumesTheHoldButSigquitDoesNot() throws {
        let wake = try WakePipe()
        let stdin = fakeStdin()
        defer { close(stdin.read); close(stdin.write) }
        TerminalSignals.install(wake: wake)
        defer { TerminalSignals.uninstall() }
        #expect(!TerminalSignals.releaseHold(), "nothing held, nothing consumed")
        TerminalSignals.holdNextSignal()
        kill(getpid(), SIGQUIT)
        #expect(InputWaiter.wait(stdin: stdin.read, wake: wake, timeoutMilliseconds: 5000).woken)
        wake.drain()
        #expect(TerminalSignals.takePending() == SIGQUIT)
        #expect(!TerminalSignals.releaseHold(), "SIGQUIT always leaves: it does not take the hold")
        TerminalSignals.holdNextSignal()
        kill(getpid(), SIGHUP)
        #expect(InputWaiter.wait(stdin: stdin.read, wake: wake, timeoutMilliseconds: 5000).woken)
        #expect(TerminalSignals.takePending() == SIGHUP)
        #expect(TerminalSignals.releaseHold(), "the SIGHUP took the hold")
        #expect(!TerminalSignals.releaseHold())
    }
}
