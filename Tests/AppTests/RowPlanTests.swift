import Testing

@testable import App

/// The rows of each part of the screen, as a table: terminal height, form or list, jobs.
struct RowPlanTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: RowPlanInput
        var expected: RowPlan
        var testDescription: String { "\(input) → \(expected)" }
    }

    static let cases: [Case] = [
        // No jobs: the body has every row but the header, the flash and the footer.
        Case(input: RowPlanInput(height: 24, formOpen: false, bodyWants: 7, jobs: 0),
             expected: RowPlan(bodyHeight: 21, pane: .hidden, flashRows: 1)),
        // A form open: three jobs are one summary line; the form keeps the rest.
        Case(input: RowPlanInput(height: 24, formOpen: true, bodyWants: 7, jobs: 3),
             expected: RowPlan(bodyHeight: 20, pane: .summary, flashRows: 1)),
        Case(input: RowPlanInput(height: 16, formOpen: true, bodyWants: 7, jobs: 3),
             expected: RowPlan(bodyHeight: 12, pane: .summary, flashRows: 1)),
        // A short list: the pane grows into the free rows, every job on two lines.
        Case(input: RowPlanInput(height: 30, formOpen: false, bodyWants: 7, jobs: 5),
             expected: RowPlan(bodyHeight: 16, pane: .panes(shown: 5), flashRows: 1)),
        // A long list: the usual three panes' worth of rows, five jobs one line each.
        Case(input: RowPlanInput(height: 30, formOpen: false, bodyWants: 200, jobs: 5),
             expected: RowPlan(bodyHeight: 21, pane: .lines(shown: 5), flashRows: 1)),
        Case(input: RowPlanInput(height: 30, formOpen: false, bodyWants: 200, jobs: 3),
             expected: RowPlan(bodyHeight: 20, pane: .panes(shown: 3), flashRows: 1)),
        // Ten jobs under a long list: as many lines as the usual rows hold; the rest scroll.
        Case(input: RowPlanInput(height: 30, formOpen: false, bodyWants: 200, jobs: 10),
             expected: RowPlan(bodyHeight: 20, pane: .lines(shown: 6), flashRows: 1)),
        // The minimum terminal: the list keeps its title, header and a few rows.
        Case(input: RowPlanInput(height: 16, formOpen: false, bodyWants: 200, jobs: 3),
             expected: RowPlan(bodyHeight: 6, pane: .panes(shown: 3), flashRows: 1)),
        Case(input: RowPlanInput(height: 16, formOpen: false, bodyWants: 7, jobs: 8),
             expected: RowPlan(bodyHeight: 6, pane: .lines(shown: 6), flashRows: 1)),
        // A long flash takes up to four rows, from the body first; under the form, two.
        Case(input: RowPlanInput(height: 24, formOpen: false, bodyWants: 7, jobs: 0, flashLines: 3),
             expected: RowPlan(bodyHeight: 19, pane: .hidden, flashRows: 3)),
        Case(input: RowPlanInput(height: 24, formOpen: true, bodyWants: 7, jobs: 1, flashLines: 9),
             expected: RowPlan(bodyHeight: 19, pane: .summary, flashRows: 2)),
        // The journal's notice and an unclear submission's advice come before the pane.
        Case(input: RowPlanInput(height: 24, formOpen: false, bodyWants: 200, jobs: 2, noticeLines: 2, adviceLines: 3),
             expected: RowPlan(bodyHeight: 11, pane: .panes(shown: 2), flashRows: 1, adviceRows: 3, noticeRows: 2)),
        // No room for a pane at all beside the list: one summary line still says there are jobs.
        Case(input: RowPlanInput(height: 16, formOpen: false, bodyWants: 200, jobs: 2, noticeLines: 2, adviceLines: 5),
             expected: RowPlan(bodyHeight: 5, pane: .summary, flashRows: 1, adviceRows: 5, noticeRows: 2)),
        // More notice than rows: the list keeps its minimum and the pane its line; the notices are cut.
        Case(input: RowPlanInput(height: 16, formOpen: false, bodyWants: 200, jobs: 2, noticeLines: 2, adviceLines: 12),
             expected: RowPlan(bodyHeight: 5, pane: .summary, flashRows: 1, adviceRows: 7, noticeRows: 0)),
    ]

    @Test(arguments: cases)
    func rowsOfEachPart(_ row: Case) {
        #expect(RowPlan(row.input) == row.expected)
    }

    /// Whatever the numbers, the parts add up to the terminal: nothing overlaps.
    @Test(arguments: [16, 24, 35, 50])
    func thePartsNeverOverlap(height: Int) {
        for jobs in 0...12 {
            for wants in [3, 7, 40] {
                for form in [false, true] {
                    for advice in [0, 4, 30] {
                        let plan = RowPlan(RowPlanInput(height: height, formOpen: form, bodyWants: wants, jobs: jobs,
                                                        flashLines: jobs % 6, noticeLines: 2, adviceLines: advice))
                        #expect(plan.bodyHeight + plan.pane.rows + plan.flashRows + plan.adviceRows + plan.noticeRows + 2
                                == height)
                        // Notices never take the list's minimum.
                        #expect(plan.bodyHeight >= min(wants, RowPlan.listMinimum), "\(plan)")
                    }
                }
            }
        }
    }
}
