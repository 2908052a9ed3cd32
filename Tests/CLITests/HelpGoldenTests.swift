import Foundation
import Testing
import TestSupport

/// `--help` is the first thing a newcomer reads: each command's help equals its reviewed copy in
/// TestVCFs/golden/help (regenerate with NEXTLINE_UPDATE_GOLDEN=1 and review the diff).
@Suite("Help goldens")
struct HelpGoldenTests {
    static let commands: [[String]] = [[], ["scan"], ["interpret"], ["render"], ["screen"], ["cohort"], ["annotate"], ["genotype"], ["catalogue"], ["models"]]

    @Test("every command's --help equals its golden", arguments: commands)
    func help(_ command: [String]) throws {
        let (status, out, err) = Fixtures.run("/usr/bin/env", ["COLUMNS=100", Fixtures.nextlineBinary] + command + ["--help"])
        #expect(status == 0, "\(err)")
        let golden = Fixtures.path("TestVCFs/golden/help/\(command.isEmpty ? "nextline" : command.joined(separator: "-")).txt")
        if ProcessInfo.processInfo.environment["NEXTLINE_UPDATE_GOLDEN"] == "1" { try Data(out.utf8).write(to: URL(fileURLWithPath: golden)) }
        #expect(out == (try String(contentsOfFile: golden, encoding: .utf8)))
    }
}
