import Foundation
import HuaweiCloud
import Reinstall
import Testing
import TerminalKit

@testable import App

/// What the screen must not hide at its edges: names told apart in the pane, the request id of a
/// submission, the quit question on a tiny terminal, a submission awaited on Ctrl-C, commands that
/// reach the same cloud, notices that leave the list its rows.
struct ScreenEdgesTests {
    static let numbered = "华北区域-生产环境-订单服务-节点-00030"

    @Test func thePaneCutsNamesInTheMiddleLikeTheList() {
        var state = Fixtures.loadedState(width: 100, height: 30)
        _ = reduce(&state, .reinstallAccepted(jobId: "job-1", serverId: "s-long", serverName: Self.numbered,
                                               api: .v2, at: Fixtures.now))
        let pane = render(state).lines.first { $0.contains("华北区域-") && $0.contains("v2") }
        #expect(pane?.contains("00030") == true, "the numbered tail tells the server apart: \(pane ?? "no pane line")")
        #expect(pane?.contains("华北") == true)
    }

    @Test func jobDetailsShowTheSubmissionsRequestId() {
        var state = Fixtures.loadedState(width: 100, height: 30)
        _ = reduce(&state, .reinstallAccepted(jobId: "job-1", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now, requestId: "req-7f3a"))
        #expect(state.jobs.first?.entry.requestId == "req-7f3a", "kept in the journal entry the jobs resume from")
        _ = reduce(&state, .key(.character("J")))
        _ = reduce(&state, .key(.enter))
        #expect(state.jobsPane.detailsOpen)
        let line = render(state).lines.first { $0.contains("Request id") }
        #expect(line?.contains("req-7f3a") == true, "\(render(state).lines.joined(separator: "\n"))")
    }

    @Test func theJournalKeepsTheRequestIdAndReadsEntriesWithout() throws {
        let entry = JournalEntry(jobId: "j", serverId: "s", serverName: "n", api: .v1, scope: "demo",
                                 submittedAt: Fixtures.now, requestId: "req-1")
        let decoded = try JSONDecoder().decode(JournalEntry.self, from: JSONEncoder().encode(entry))
        #expect(decoded.requestId == "req-1")
        let old = #"{"jobId":"j","serverId":"s","serverName":"n","api":"v1","scope":"demo","submittedAt":0,"lastStatus":"SUBMITTED","updatedAt":0}"#
        #expect(try JSONDecoder().decode(JournalEntry.self, from: Data(old.utf8)).requestId == nil)
    }

    @Test func qOnTheTooSmallScreenAsksWhileReinstallsRun() {
        var state = Fixtures.loadedState(width: 100, height: 30)
        _ = reduce(&state, .reinstallAccepted(jobId: "job-1", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now))
        _ = reduce(&state, .resized(TerminalSize(width: 40, height: 10)))
        _ = reduce(&state, .key(.character("q")))
        #expect(!state.quitRequested, "asked first")
        let text = render(state).lines.joined(separator: " ")
        #expect(text.contains("Quit? y/N") && text.contains("Terminal too small"), "\(text)")
        _ = reduce(&state, .key(.character("n")))
        #expect(!state.quitRequested && !state.askingToQuit)
        _ = reduce(&state, .key(.character("q")))
        _ = reduce(&state, .key(.character("y")))
        #expect(state.quitRequested)
    }

    @Test func qOnTheTooSmallScreenQuitsAtOnceWithNothingRunning() {
        var state = Fixtures.loadedState(width: 40, height: 10)
        _ = reduce(&state, .key(.character("q")))
        #expect(state.quitRequested)
    }

    /// Leaving would cancel the POST in flight: neither q nor Q quits on the too-small screen
    /// while a reinstall is being sent, and the screen says why.
    @Test func qOnTheTooSmallScreenWaitsWhileAReinstallIsBeingSent() {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        _ = FormKeys.reviewAndConfirm(&state)
        #expect(state.isSending)
        _ = reduce(&state, .resized(TerminalSize(width: 40, height: 10)))
        for key in [Key.character("q"), .character("Q")] {
            _ = reduce(&state, .key(key))
            #expect(!state.quitRequested, "\(key) must not cut the POST off")
        }
        let text = render(state).lines.joined(separator: " ")
        #expect(text.contains("being submitted") && text.contains("q quits once the cloud answers"),
                "\(text)")
        _ = reduce(&state, .reinstallAccepted(jobId: "job-1", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now))
        _ = reduce(&state, .key(.character("Q")))
        #expect(state.quitRequested, "once answered, Q quits")
    }

    @Test func aSignalWhileSendingWaitsForTheAnswer() {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        let effects = FormKeys.reviewAndConfirm(&state)
        #expect(FormKeys.plan(effects) != nil)
        #expect(state.isSending)
        #expect(reduce(&state, .signalWhileSending) == [])
        #expect(!state.quitRequested, "the POST is not cut off")
        #expect(state.leavingOnceAnswered)
        #expect(state.flash?.text.contains("Leaving once the cloud has answered the reinstall of web-01") == true)
        #expect(state.flash?.text.contains("Ctrl-C again leaves now") == true)
        _ = reduce(&state, .tick(Fixtures.now))
        #expect(!state.quitRequested)
        _ = reduce(&state, .reinstallAccepted(jobId: "job-1", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now))
        #expect(state.quitRequested, "it leaves once answered")
        #expect(ExitSummary.runningJobs(state.jobs).map(\.jobId) == ["job-1"], "and the summary names the job")
    }

    @Test func aSignalWithNothingBeingSentLeaves() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .signalWhileSending)
        #expect(state.quitRequested)
    }

    @Test func commandsPrintedCarryTheFlagsThatChoseTheCloud() {
        let scope = CommandScope(region: "ap-southeast-1", profile: "ops", endpoint: "https://gw.example.com",
                                 enterpriseProject: "ep-1")
        #expect(ExitSummary.followCommand(jobId: "j-1", scope: scope)
                == "ecs-reinstall job j-1 --region ap-southeast-1 --profile ops --endpoint https://gw.example.com --wait")
        #expect(ExitSummary.checkCommand(serverName: "web 01", scope: scope)
                == "ecs-reinstall servers --filter 'web 01' --region ap-southeast-1 --profile ops "
                + "--endpoint https://gw.example.com --enterprise-project ep-1 (REBUILD means it started)")
        #expect(ExitSummary.followCommand(jobId: "j-1", scope: CommandScope()) == "ecs-reinstall job j-1 --wait")
        #expect(CommandScope.quoted("it's") == #"'it'\''s'"#)

        var tracker = JobTracker(jobId: "j-1", serverId: "s", serverName: "web-01", api: .v2, scope: "r/p",
                                 submittedAt: Fixtures.now)
        tracker.finishedAt = nil
        let lines = ExitSummary.lines([tracker], mode: .real, scope: CommandScope(region: "eu-west-101"))
        #expect(lines.contains { $0.contains("ecs-reinstall job JOB_ID --region eu-west-101 --wait") }, "\(lines)")
    }

    @Test(arguments: [(0, "no match"), (1, "1 match"), (2, "2 matches"), (1200, "1,200 matches")])
    func matchCountsReadAsEnglish(count: Int, text: String) {
        #expect(matchCount(count) == text)
    }

    @Test func theFilterSaysNoMatch() {
        var state = Fixtures.loadedState(width: 100, height: 30)
        _ = reduce(&state, .key(.character("/")))
        for character in "zzz" { _ = reduce(&state, .key(.character(character))) }
        #expect(render(state).lines[1].contains("no match"), "\(render(state).lines[1])")
    }

    @Test func theLabelColumnFollowsTheLabels() {
        let widest = FormPen.labels.values.map { DisplayWidth.of($0) }.max() ?? 0
        #expect(FormPen.labelWidth == widest + 2)
        let form = ReinstallForm(server: Fixtures.web)
        #expect(FormWindow.leftColumn(form, width: 80) == 1 + FormPen.columnWidth(form, width: 80))
        #expect(FormWindow.leftColumn(form, width: 120) > FormWindow.leftColumn(form, width: 80), "wider with the terminal")
    }

    /// Notices filling the screen give way: the list keeps its minimum, the flash its row, and
    /// the cut notice says where the whole of it is.
    @Test func noticesGiveWayToTheListAndTheFlash() {
        let plan = RowPlan(RowPlanInput(height: 16, formOpen: false, bodyWants: 30, jobs: 1, flashLines: 1,
                                        noticeLines: 2, adviceLines: 20))
        #expect(plan.bodyHeight >= RowPlan.listMinimum, "\(plan)")
        #expect(plan.flashRows == 1)
        #expect(plan.pane.rows >= 1)
        #expect(plan.adviceRows + plan.noticeRows == 16 - 2 - 1 - RowPlan.listMinimum - 1)
        #expect(plan.noticeRows == 0, "the advice says what not to do: it goes first")

        let roomy = RowPlan(RowPlanInput(height: 50, formOpen: false, bodyWants: 30, jobs: 1, flashLines: 1,
                                         noticeLines: 2, adviceLines: 3))
        #expect(roomy.adviceRows == 3 && roomy.noticeRows == 2, "whole when there is room")
    }

    @Test func manyUnclearSubmissionsLeaveTheListItsRows() {
        var state = Fixtures.loadedState(width: 60, height: 16)
        let advice = String(repeating: "It is not known whether the reinstall started; do not send it again yet. ", count: 3)
        for server in Fixtures.servers {
            _ = reduce(&state, .reinstallUnclear(serverId: server.id, advice: advice, started: false, at: Fixtures.now))
        }
        let lines = render(state).lines
        #expect(lines[1].contains("Servers"), "the list's title stays: \(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("(L on the list: the whole message)") }, "\(lines.joined(separator: "\n"))")
        #expect(Layout(state).bodyHeight >= RowPlan.listMinimum)
        #expect(state.messages.entries.contains { $0.text.contains(advice.trimmingCharacters(in: .whitespaces)) },
                "the log has every advice whole")
    }

    @Test(arguments: [
        (Fixtures.web, Fixtures.goldImage, false),
        (Fixtures.windows, Fixtures.windowsImage, true),
        (Fixtures.web, Image(id: "img-rh", name: "RHEL 8", imageType: "gold", osType: "Linux", platform: "RedHat"), true),
        (Fixtures.web, Image(id: "img-sles", name: "SLES 15", imageType: "gold", osType: "Linux", platform: "SUSE"), true),
    ])
    func byolIsOfferedWhereThereIsALicence(server: Server, image: Image, offered: Bool) {
        #expect(LicenceRule.byolApplies(server: server, image: image) == offered)
        let state = Fixtures.formState(for: server, image: image)
        let fields = state.form.map { $0.fields(formContext(state, $0)) } ?? []
        #expect(fields.contains(.byol) == offered, "\(fields)")
        #expect(render(state).lines.contains { $0.contains("BYOL") } == offered)
    }

    @Test func eachErrorCodeIsSaidOnce() {
        let job = Job(jobId: "j", jobType: "rebuildServer", status: .fail, beginTime: nil, endTime: nil,
                      errorCode: "Ecs.1002", failReason: "Ecs.1002: Openstack response timed out", entities: nil)
        let text = JobFailure.describe(job)
        #expect(text.hasPrefix("Ecs.1002: Openstack response timed out"), "\(text)")
        #expect(!text.contains("Ecs.1002: Ecs.1002"))
        #expect(JobFailure.codeAndReason(code: "Ecs.1002", reason: "disk busy") == "Ecs.1002: disk busy")
        #expect(JobFailure.codeAndReason(code: "Ecs.1002", reason: "Ecs.1002") == "Ecs.1002")
    }

    @Test(arguments: [("◂", "<"), ("▸", ">"), ("◀", "<"), ("▶", ">"), ("▲", "^"), ("▼", "v"), ("≤", "<")])
    func asciiStandInsPairUp(glyph: String, ascii: String) {
        #expect(AsciiFallback.text(glyph, width: 1) == ascii)
    }

    @Test(arguments: [
        (CloudError.api(status: 503, code: "Common.1503", message: "busy", requestId: nil), true),
        (.api(status: 429, code: "APIGW.0308", message: "throttled", requestId: nil), true),
        (.api(status: 403, code: "Ecs.0110", message: "denied", requestId: nil), false),
        (.api(status: 404, code: "Ecs.0114", message: "gone", requestId: nil), false),
        (.transport("the connection was reset after the request was sent"), true),
        (.transport("the TLS handshake failed: the certificate could not be verified"), false),
        (.configuration("bad region"), false),
    ])
    func transientFailuresAreTheOnesRetriedByThemselves(error: CloudError, transient: Bool) {
        #expect(error.isTransient == transient)
    }
}
