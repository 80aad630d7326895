import App
import CloudSimulator
import Foundation
import HuaweiCloud
import TerminalKit

/// CPU for a 100 KB paste into the `/` filter, the password field and the review's typed
/// confirmation, handled as the main loop handles a burst: the key decoder, then the keys in
/// reads of up to 4,096, each key through reduce, one render per read.
let pasteBenchmark = Benchmark(name: "paste of 100 KB (key decoder + reduce + render per read)") { quick in
    let size = quick ? 10_000 : 100_000
    // Printable ASCII without spaces or Enter: nothing in it leaves the field.
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@$%^-_=+.,")
    let pasted = (0..<size).map { alphabet[$0 * 7 % alphabet.count] }
    let scalars = pasted.map { $0.unicodeScalars.first?.value ?? 0x20 }

    var keys: [Key] = []
    let decoding = Measurement.of {
        keys = scalars.map(KeyDecoder.character)
    }

    func paste(into state: inout AppState) -> Measurement {
        Measurement.of {
            var start = 0
            while start < keys.count {
                let end = min(start + 4096, keys.count)
                for key in keys[start..<end] { _ = reduce(&state, .key(key)) }
                _ = render(state)
                start = end
            }
        }
    }

    // The filter over 2,000 servers.
    var list = AppState(mode: .demo, region: "cn-north-4", projectId: "p", userId: "u",
                        size: TerminalSize(width: 120, height: 35), now: Date())
    _ = startup(&list)
    let servers = SimulatorDataSet.generated(servers: 2_000, seed: 7).servers
    for page in stride(from: 0, to: servers.count, by: 100) {
        let slice = Array(servers[page..<min(page + 100, servers.count)])
        _ = reduce(&list, .serverPage(generation: list.servers.generation,
                                      ServerPage(count: servers.count, servers: slice)))
    }
    _ = reduce(&list, .key(.character("/")))
    let filter = paste(into: &list)
    let filterKept = list.servers.filterField?.count ?? 0

    // The password field of a Windows server (password only), then the review's confirmation.
    var form = passwordForm()
    let password = paste(into: &form)
    let passwordKept = form.form?.password.count ?? 0
    _ = reduce(&form, .key(.clearLine))
    for character in "Xk7#pQ2v9!Lm" { _ = reduce(&form, .key(.character(character))) }
    _ = reduce(&form, .key(.tab))
    for character in "Xk7#pQ2v9!Lm" { _ = reduce(&form, .key(.character(character))) }
    while form.form?.focus != .submit { _ = reduce(&form, .key(.tab)) }
    _ = reduce(&form, .key(.enter))
    guard form.form?.isReviewing == true else {
        throw BenchmarkFailure("the form did not reach the review: \(form.form?.error ?? "no error")")
    }
    let confirmation = paste(into: &form)
    let confirmationKept = form.form?.confirmName.count ?? 0

    func line(_ what: String, _ measured: Measurement, kept: Int) -> String {
        "\(what): \(milliseconds(measured.cpu)) CPU (\(String(format: "%.2f µs", measured.cpu.timeInterval * 1e6 / Double(size))) per key), kept \(kept) characters"
    }
    return [
        "pasted: \(size) characters, in reads of 4,096 keys",
        "key decoder: \(milliseconds(decoding.cpu)) CPU",
        line("filter (2,000 servers)", filter, kept: filterKept),
        line("password field", password, kept: passwordKept),
        line("typed confirmation", confirmation, kept: confirmationKept),
    ]
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

