import Foundation
import Testing
import TestSupport
import Output

@Suite("Atomic output")
struct AtomicOutputTests {
    @Test("--no-clobber holds at the final step: a file that appears after the start check is not replaced")
    func noClobberAtRename() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("out.json").path
        let target = AtomicOutput(path: path, noClobber: true)
        try target.validate(inputs: [])                 // nothing there yet
        try Data("someone else's\n".utf8).write(to: URL(fileURLWithPath: path))   // appears meanwhile
        #expect(throws: AtomicOutput.Problem.self) { try target.write("ours\n") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "someone else's\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"])   // no temporary left
        // Without --no-clobber the same write replaces it atomically.
        try AtomicOutput(path: path, noClobber: false).write("ours\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "ours\n")
        // With --no-clobber and no file, the output is written and no temporary name remains.
        let fresh = dir.appendingPathComponent("fresh.json").path
        try AtomicOutput(path: fresh, noClobber: true).write("new\n")
        #expect(try String(contentsOfFile: fresh, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["fresh.json", "out.json"])
    }
}
