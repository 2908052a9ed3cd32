// Target catalogue: the input is a user catalogue file (`--catalogue FILE`), read the way the CLI reads
// it (CaseRunner.readText: UTF-8 check, size limit) and loaded on top of the built-in vocabularies and
// tables by the real loader (YAML composition with Yams, strict schema, rule validation).
// FUZZ_CATALOGUE_FULL=1 adds the built-in rule files too (exactly `nextline --catalogue`, ~10x slower).
// Passes: a catalogue, or a typed error (CatalogueError with at least one located problem, InputProblem).
// Fails: a crash, a sanitizer report, an untyped error, an error without problems or with an empty message.
import FuzzSupport
import Catalogue
import Interpretation
import Pipeline
#if canImport(Glibc)
import Glibc
#endif

let full = getenv("FUZZ_CATALOGUE_FULL").map { String(cString: $0) == "1" } ?? false
/// FUZZ_CATALOGUE_BASE=genes.yaml,drugs.yaml,… picks the built-in files by name (for measuring their cost).
let only = getenv("FUZZ_CATALOGUE_BASE").map { Set(String(cString: $0).split(separator: ",").map(String.init)) }
/// The built-in files the user's file is loaded with: vocabularies and tables (and the rules with FULL).
let base = EmbeddedAnnotations.files
    .filter { full || !$0.path.hasPrefix("Annotations/rules/") }
    .filter { f in only.map { $0.contains(String(f.path.split(separator: "/").last ?? "")) } ?? true }
    .map { (path: $0.path, contents: $0.contents) }
let scratch = Scratch()

Fuzz.run { data in
    let path = scratch.write(data, name: "user_rules.yaml")
    do {
        let text = try CaseRunner.readText(path)
        let catalogue = try Catalogue.load(files: base + [(path: path, contents: text)])
        Fuzz.check(!catalogue.rules.isEmpty, "a catalogue without rules was accepted")
        _ = catalogue.coverage()
    } catch let error as CatalogueError {
        Fuzz.check(!error.problems.isEmpty, "a CatalogueError without problems")
        for p in error.problems { Fuzz.check(!p.message.isEmpty && !p.file.isEmpty, "a problem without message or file: \(p)") }
    } catch {
        Fuzz.check(error is InputProblem, "untyped error: \(type(of: error)): \(error)")
    }
}
