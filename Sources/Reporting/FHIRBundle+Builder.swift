import Interpretation
import VariantModel

extension FHIRBundle {
    /// Builds the bundle's resources in a fixed order: report, patient, specimens, variants, biomarkers,
    /// therapeutic implications.
    struct Builder {
        let doc: InterpretationDocument
        let seed: String

        func id(_ key: String) -> String { FHIRBundle.uuid(seed: seed, key: key) }
        func ref(_ key: String) -> JSONValue { ["reference": .string("urn:uuid:" + id(key))] }
        var latest: CaseSummary.Sample? { doc.patientCase.samples.first { $0.id == doc.latestProgressionSample } }

        func bundle() -> JSONValue {
            var resources: [(String, JSONValue)] = [("patient", patient())]
            for s in doc.patientCase.samples { resources.append(("specimen:" + s.id, specimen(s))) }
            var results: [String] = []
            var variantKeys: [String: String] = [:]   // finding label → resource key
            for f in doc.findings {
                let key = variantKey(f)
                guard variantKeys.values.contains(key) == false else { variantKeys[f.label] = key; continue }
                variantKeys[f.label] = key
                resources.append((key, variant(f))); results.append(key)
            }
            for (n, b) in doc.patientCase.biomarkers.enumerated() {
                let key = "biomarker:\(n):\(b.name):\(b.method):\(b.sample ?? "")"
                resources.append((key, biomarker(b))); results.append(key)
            }
            var conclusionExtras: [String] = []
            for (n, v) in doc.implications.enumerated() where ["resistance", "reduced_efficacy", "sensitivity"].contains(v.verdict) {
                let derived = derivedFrom(v, variantKeys: variantKeys)
                guard !derived.isEmpty else {
                    conclusionExtras.append("\(v.therapy): \(v.verdict.replacingUnderscores) (therapy history only)")
                    continue
                }
                let key = "implication:\(n):\(v.therapy)"
                resources.append((key, implication(v, derived: derived))); results.append(key)
            }
            resources.insert(("report", report(results: results, extras: conclusionExtras)), at: 0)
            let entries: [JSONValue] = resources.map { key, resource in
                var r = resource
                if case .object(var o) = r { o["id"] = .string(id(key)); r = .object(o) }
                return ["fullUrl": .string("urn:uuid:" + id(key)), "resource": r]
            }
            return ["resourceType": "Bundle", "id": .string(id("bundle")), "type": "collection", "entry": .array(entries)]
        }

        func patient() -> JSONValue {
            var o: [String: JSONValue] = [
                "resourceType": "Patient",
                "identifier": [["system": .string(FHIRBundle.caseIDSystem), "value": .string(doc.patientCase.caseId)]],
            ]
            if let s = doc.patientCase.sex?.lowercased().first { if s == "f" { o["gender"] = "female" } else if s == "m" { o["gender"] = "male" } }
            return .object(o)
        }

        func specimen(_ s: CaseSummary.Sample) -> JSONValue {
            var o: [String: JSONValue] = [
                "resourceType": "Specimen", "subject": ref("patient"), "type": FHIRBundle.text(s.kind),
                "identifier": [["system": .string(FHIRBundle.sampleIDSystem), "value": .string(s.id)]],
            ]
            if let c = s.collected, FHIRBundle.isDate(c) { o["collection"] = ["collectedDateTime": .string(c)] }
            return .object(o)
        }

        func report(results: [String], extras: [String]) -> JSONValue {
            let h = doc.headline
            let parts = [("Acquired", h.acquired), ("Lost", h.lost), ("Avoid", h.avoid), ("Expect less benefit", h.reduced),
                         ("Consider", h.consider), ("Re-test", h.retest), ("Set aside", h.setAside),
                         ("Verdicts without a finding or biomarker behind them", extras)]
                .filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1.joined(separator: "; "))." }
            var o: [String: JSONValue] = [
                "resourceType": "DiagnosticReport", "meta": ["profile": .strings([FHIRBundle.gr + "genomic-report"])],
                "status": "final", "subject": ref("patient"),
                "category": [FHIRBundle.concept([FHIRBundle.coding("http://terminology.hl7.org/CodeSystem/v2-0074", "GE", "Genetics")])],
                "code": FHIRBundle.concept([FHIRBundle.coding(FHIRBundle.loinc, "51969-4", "Genetic analysis report")]),
                "conclusion": .string(parts.isEmpty ? "No finding in the watched genes." : parts.joined(separator: " ")),
            ]
            if let c = latest?.collected, FHIRBundle.isDate(c) { o["effectiveDateTime"] = .string(c) }
            let specimens = doc.patientCase.samples.filter { $0.vcf != nil || $0.reads != nil }.map { ref("specimen:" + $0.id) }
            if !specimens.isEmpty { o["specimen"] = .array(specimens) }
            if !results.isEmpty { o["result"] = .array(results.map(ref)) }
            return .object(o)
        }

        func variantKey(_ f: DocumentFinding) -> String {
            if let fusion = f.fusion { return "fusion:\(fusion.name)" }
            return "variant:\(f.gene):\(f.chrom):\(f.pos):\(f.ref):\(f.alt)"
        }

        func biomarker(_ b: CaseSummary.Biomarker) -> JSONValue {
            var o: [String: JSONValue] = [
                "resourceType": "Observation", "meta": ["profile": .strings([FHIRBundle.gr + "molecular-biomarker"])],
                "status": "final", "subject": ref("patient"),
                "category": [FHIRBundle.concept([FHIRBundle.coding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")]),
                             FHIRBundle.concept([FHIRBundle.coding(FHIRBundle.tbd, "biomarker-category", "Biomarker Category")])],
                "code": FHIRBundle.text("\(b.name) \(b.method)"), "valueCodeableConcept": FHIRBundle.text(b.result),
            ]
            if let g = b.gene { o["component"] = [FHIRBundle.gene(g)] }
            if let s = b.sample, let sample = doc.patientCase.samples.first(where: { $0.id == s }) {
                o["specimen"] = ref("specimen:" + s)
                if let c = sample.collected, FHIRBundle.isDate(c) { o["effectiveDateTime"] = .string(c) }
            }
            return .object(o)
        }

        /// The variant and biomarker resources behind a verdict: findings that triggered one of its rules,
        /// and case biomarkers of a gene one of its met conditions names.
        func derivedFrom(_ v: TherapyVerdict, variantKeys: [String: String]) -> [String] {
            var keys: [String] = []
            for f in doc.findings where f.used != false && !Set(f.matches ?? []).isDisjoint(with: v.rules) {
                if let k = variantKeys[f.label], !keys.contains(k) { keys.append(k) }
            }
            let metGenes = Set(v.ruleDetails.flatMap { $0.conditions.filter { $0.status != "not_tested" }.map(\.gene) })
            for (n, b) in doc.patientCase.biomarkers.enumerated() where b.gene.map(metGenes.contains) == true {
                let k = "biomarker:\(n):\(b.name):\(b.method):\(b.sample ?? "")"
                if !keys.contains(k) { keys.append(k) }
            }
            return keys
        }
    }

    /// FHIR `date`/`dateTime` accepts `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (case files may hold other text).
    static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) } && parts.dropFirst().allSatisfy { $0.count == 2 }
    }
}
