// Target case-file: the input is a case file (`nextline interpret --case FILE`, YAML or JSON), read by
// CaseRunner.readCase against the built-in catalogue (UTF-8 check, Yams, strict keys, drug and tumour-type
// vocabularies, dates, sample roles). A case that loads is then interpreted with no variant findings
// (therapy history, biomarkers, candidates → verdicts) and its document must round-trip through JSON.
// Passes: a document, or a typed error (CaseFileError, InputProblem).
// Fails: a crash, a sanitizer report, an untyped error, a document that does not round-trip.
import FuzzSupport
import Catalogue
import Interpretation
import Pipeline

let catalogue = Fuzz.catalogue
let scratch = Scratch()

Fuzz.run { data in
    let path = scratch.write(data, name: "case.yaml")
    let patientCase: PatientCase
    do {
        (patientCase, _) = try CaseRunner.readCase(path: path, catalogue: catalogue)
    } catch let error as CaseFileError {
        Fuzz.check(!error.problems.isEmpty, "a CaseFileError without problems")
        return
    } catch {
        Fuzz.check(ErrorKind.isInputData(error), "untyped error: \(type(of: error)): \(error)")
        return
    }
    let samples = patientCase.samples.map { SampleFindings(sample: $0, findings: [], notAssessable: [], build: patientCase.genomeBuild) }
    let interpretation = Interpreter.run(patientCase: patientCase, samples: samples, catalogue: catalogue)
    let doc = DocumentBuilder.document(interpretation, catalogue: catalogue, inputs: [], caseFile: nil, referenceInputs: nil)
    do {
        let json = try DocumentJSON.encode(doc)
        let back = try DocumentJSON.decode(InterpretationDocument.self, from: json)
        Fuzz.check(back == doc, "the interpretation document does not round-trip through JSON")
    } catch {
        Fuzz.fail("the interpretation document does not encode/decode: \(DocumentJSON.describe(error))")
    }
}
