public import Interpretation
import VariantModel

/// The interpretation as an HL7 FHIR R4 `collection` Bundle following the Genomics Reporting IG, STU3
/// (3.0.0; docs/fhir.md): a Patient, a Specimen per case sample, a genomic-report DiagnosticReport, a
/// variant Observation per finding, a molecular-biomarker Observation per case biomarker, and a
/// therapeutic-implication Observation per resistance / reduced-efficacy / sensitivity verdict that rests
/// on a finding or biomarker. Ids are UUIDs derived from the document's digest and each resource's role,
/// so identical documents give byte-identical bundles. Checked by `scripts/validate-fhir.py`.
public enum FHIRBundle {
    static let loinc = "http://loinc.org", ucum = "http://unitsofmeasure.org", hgnc = "http://www.genenames.org"
    static let gr = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/"
    static let tbd = "http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs"
    static let hgvs = "http://varnomen.hgvs.org", so = "http://www.sequenceontology.org"
    /// nextline's local code system and identifier systems (URNs: the project owns no web address).
    static let local = "urn:uuid:e8d82615-5700-57e8-b171-4a4d81b04763"
    static let caseIDSystem = "urn:uuid:16b4c08a-db81-530f-81af-dbe99d8a0f03"
    static let sampleIDSystem = "urn:uuid:ae341b86-a4d3-5de0-9311-93368e996650"

    public static func render(_ doc: InterpretationDocument) throws -> String {
        let seed = SHA256.hex(of: Array(try DocumentJSON.encode(doc).utf8))
        return Builder(doc: doc, seed: seed).bundle().serialized()
    }

    /// A UUID (version 8, RFC 9562) from SHA-256 of the document digest and the resource's key.
    static func uuid(seed: String, key: String) -> String {
        var hasher = SHA256()
        hasher.update(Array((seed + ":" + key).utf8))
        var h = hexBytes(hasher.hexDigest()).prefix(16).map { $0 }
        h[6] = (h[6] & 0x0F) | 0x80
        h[8] = (h[8] & 0x3F) | 0x80
        let hex = h.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let c = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(c[$0]) }.joined(separator: "-")
    }

    static func hexBytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var it = hex.makeIterator()
        while let a = it.next(), let b = it.next(), let v = UInt8(String([a, b]), radix: 16) { out.append(v) }
        return out
    }

    static func coding(_ system: String, _ code: String, _ display: String? = nil) -> JSONValue {
        var o: [String: JSONValue] = ["system": .string(system), "code": .string(code)]
        if let display { o["display"] = .string(display) }
        return .object(o)
    }
    static func concept(_ codings: [JSONValue], text: String? = nil) -> JSONValue {
        var o: [String: JSONValue] = [:]
        if !codings.isEmpty { o["coding"] = .array(codings) }
        if let text, !text.isEmpty { o["text"] = .string(text) }
        return .object(o)
    }
    static func text(_ t: String) -> JSONValue { concept([], text: t) }
    static func component(_ code: JSONValue, _ key: String, _ value: JSONValue) -> JSONValue {
        .object(["code": concept([code]), key: value])
    }
    static func quantity(_ v: Double) -> JSONValue { ["value": .double(v), "system": .string(ucum), "code": "1"] }
    static func local(_ code: String) -> JSONValue { coding(local, code, code.replacingUnderscores) }
    static let categories: JSONValue = [
        concept([coding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")]),
        concept([coding("http://terminology.hl7.org/CodeSystem/v2-0074", "GE", "Genetics")]),
    ]

    /// HGNC ids of the genes with a MANE v1.0 row in the project's data (others are given as text).
    static let hgncIDs: [String: String] = [
        "AR": "HGNC:644", "ASXL1": "HGNC:18318", "BRAF": "HGNC:1097", "DNMT3A": "HGNC:2978", "EGFR": "HGNC:3236",
        "ERBB2": "HGNC:3430", "ESR1": "HGNC:3467", "KEAP1": "HGNC:23177", "KRAS": "HGNC:6407", "MET": "HGNC:7029",
        "NFE2L2": "HGNC:7782", "NRAS": "HGNC:7989", "PIK3CA": "HGNC:8975", "PPM1D": "HGNC:9277", "PTEN": "HGNC:9588",
        "RB1": "HGNC:9884", "TET2": "HGNC:25941", "TP53": "HGNC:11998",
    ]
    static func gene(_ symbol: String) -> JSONValue {
        component(coding(loinc, "48018-6", "Gene studied [ID]"), "valueCodeableConcept",
                  concept(hgncIDs[symbol].map { [coding(hgnc, $0, symbol)] } ?? [], text: symbol))
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
