// Target vcf-file: any bytes as a whole variant file, read the way `nextline scan` reads it
// (ScanRunner.scan with the built-in catalogue: container sniffing, header checks, pre-filter, htslib
// parsing, strict INFO re-checks, identification, measurement), then the scan document as JSON.
// Passes: a typed input error (VCFError, InputProblem), or a document that encodes and decodes back.
// Fails: a crash, a sanitizer report, an untyped error, or JSON that does not round-trip.
import FuzzSupport
import Catalogue
import Interpretation
import Pipeline

let catalogue = Fuzz.catalogue
let scratch = Scratch()

Fuzz.run { data in
    let path = scratch.write(data, name: "input.vcf")
    let scanned: ScannedFile
    do {
        scanned = try ScanRunner.scan(path: path, catalogue: catalogue, options: InputOptions())
    } catch {
        Fuzz.check(ErrorKind.isInputData(error), "untyped error from scan: \(type(of: error)): \(error)")
        Fuzz.check(!"\(error)".isEmpty, "an error without a message")
        return
    }
    let doc = scanned.document(catalogue: catalogue, referenceInputs: nil)
    let json: String
    do { json = try DocumentJSON.encode(doc) } catch { Fuzz.fail("the scan document does not encode: \(error)") }
    do {
        let back = try DocumentJSON.decode(ScanDocument.self, from: json)
        Fuzz.check(back == doc, "the scan document does not round-trip through JSON")
    } catch {
        Fuzz.fail("the scan document's JSON does not decode: \(DocumentJSON.describe(error))")
    }
}
