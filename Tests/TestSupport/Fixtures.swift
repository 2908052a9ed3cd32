import Foundation

/// Paths to the repository's fixtures and to the shared real test data (which lives outside the
/// repository and may be absent: tests that need it are skipped with a message then).
public enum Fixtures {
    /// The package root, found from this file's path.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The `nextline` binary under test: NEXTLINE_RELEASE_BIN (scripts/test.sh builds it with
    /// --static-swift-stdlib), else the debug or release build in .build.
    public static let nextlineBinary: String = {
        if let b = ProcessInfo.processInfo.environment["NEXTLINE_RELEASE_BIN"], FileManager.default.isExecutableFile(atPath: b) { return b }
        for c in [".build/debug/nextline", ".build/release/nextline"] where FileManager.default.isExecutableFile(atPath: path(c)) {
            return path(c)
        }
        return path(".build/debug/nextline")
    }()

    /// A headless-capable Chromium (Debian's `chromium`), or nil (browser tests are then skipped).
    public static let chromium: String? = {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// `../shared/data` beside the checkout (CI puts a copy of shared/ there).
    public static let sharedData: String = {
        if let env = ProcessInfo.processInfo.environment["NEXTLINE_SHARED_DATA"] { return env }
        return root.deletingLastPathComponent().appendingPathComponent("shared/data").path
    }()

    public static var sharedDataAvailable: Bool {
        FileManager.default.fileExists(atPath: sharedData + "/hotspots_reference.tsv")
    }

    public static func shared(_ relative: String) -> String { sharedData + "/" + relative }

    /// `shared/review` (the source review and its fact list), beside `shared/data`.
    public static var sharedReview: String {
        URL(fileURLWithPath: sharedData).deletingLastPathComponent().appendingPathComponent("review").path
    }
    public static var sharedReviewAvailable: Bool { FileManager.default.fileExists(atPath: sharedReview + "/facts.yaml") }

    /// A fresh temporary directory, removed by the caller with `cleanup`.
    public static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nextline-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes text to `dir/name` and returns the path.
    @discardableResult
    public static func write(_ text: String, to dir: URL, as name: String) -> String {
        let url = dir.appendingPathComponent(name)
        try? Data(text.utf8).write(to: url)
        return url.path
    }

    /// Runs a command and returns (status, stdout, stderr).
    public static func run(_ executable: String, _ arguments: [String], cwd: URL? = nil) -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        do { try p.run() } catch { return (-1, "", "\(error)") }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// Compresses a file with bgzip (htslib's tool) and returns the .gz path.
    public static func bgzip(_ path: String, keep: Bool = true) -> String? {
        for tool in ["/usr/bin/bgzip", "/usr/local/bin/bgzip"] where FileManager.default.isExecutableFile(atPath: tool) {
            let (s, _, _) = run(tool, (keep ? ["-k", "-f"] : ["-f"]) + [path])
            return s == 0 ? path + ".gz" : nil
        }
        return nil
    }

    public static func tabix(_ path: String) -> Bool {
        for tool in ["/usr/bin/tabix", "/usr/local/bin/tabix"] where FileManager.default.isExecutableFile(atPath: tool) {
            return run(tool, ["-f", "-p", "vcf", path]).0 == 0
        }
        return false
    }

    /// A minimal GRCh38 VCF header with real chr7/chr12/chr17 lengths, one sample and the common fields.
    public static func vcfHeader(samples: [String] = ["TUMOR"], extra: [String] = [], contigs: [String]? = nil) -> String {
        var lines = ["##fileformat=VCFv4.2",
                     "##FILTER=<ID=PASS,Description=\"All filters passed\">",
                     "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Total depth\">",
                     "##INFO=<ID=AF,Number=A,Type=Float,Description=\"Allele fraction in the tumour\">",
                     "##INFO=<ID=END,Number=1,Type=Integer,Description=\"End\">",
                     "##INFO=<ID=SVTYPE,Number=1,Type=String,Description=\"SV type\">",
                     "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
                     "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">",
                     "##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Allele fraction\">",
                     "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">"]
        lines += contigs ?? ["##contig=<ID=chr1,length=248956422>", "##contig=<ID=chr7,length=159345973>",
                             "##contig=<ID=chr12,length=133275309>", "##contig=<ID=chr17,length=83257441>"]
        lines += extra
        var chrom = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO"
        if !samples.isEmpty { chrom += "\tFORMAT\t" + samples.joined(separator: "\t") }
        return (lines + [chrom]).joined(separator: "\n") + "\n"
    }
}
