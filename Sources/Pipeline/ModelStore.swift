import Foundation
import Catalogue
public import Consequence
import Interpretation
import VCFIO
import VariantModel

/// The compact form of transcript models (`nextline models build`): the usable models of the watched
/// genes from a GFF3, as sorted JSON, so a panel run does not parse a genome-wide GFF3 every time.
public enum ModelStore {
    public static let schema = "nextline/models/v1"

    struct Document: Codable {
        var schema: String
        var source: String
        var sourceSHA256: String
        var genes: [String]
        var transcripts: [TranscriptModel]
        var problems: [String]
    }

    /// Loads models from a GFF3 (plain or gzipped) or from a compact JSON file written by ``build``.
    /// - Returns: the models and the SHA-256 of what was read (the GFF3's text lines, or the JSON file).
    public static func load(path: String, genes: Set<String>) throws -> (TranscriptModels, sha256: String, scope: String) {
        if path.hasSuffix(".json") {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw InputProblem(path: path, message: "cannot be read (\(error.localizedDescription))")
            }
            let doc: Document
            do { doc = try JSONDecoder().decode(Document.self, from: data) } catch {
                throw InputProblem(path: path, message: "not a nextline models file (\(error))")
            }
            guard doc.schema == schema else { throw InputProblem(path: path, message: "schema '\(doc.schema)' is not \(schema)") }
            let kept = doc.transcripts.filter { genes.contains($0.gene) }
            return (TranscriptModels(kept, source: path), SHA256.hex(of: [UInt8](data)), "models_file")
        }
        let reader = try TextLineReader(path: path)
        var hasher = SHA256()
        let models: TranscriptModels
        do {
            models = try GFF3Loader.load(source: path, genes: genes) { () throws(VCFError) -> String? in
                let line = try reader.next()
                if let line { hasher.update(Array(line.utf8)); hasher.update([10]) }
                return line
            }
        } catch {
            throw InputProblem(path: path, message: error.description)
        }
        return (models, hasher.hexDigest(), "gff3_text_lines")
    }

    /// Writes the compact form of the usable models of `genes` read from `gff`.
    public static func build(gff: String, genes: Set<String>) throws -> String {
        let (models, sha, _) = try load(path: gff, genes: genes)
        let doc = Document(schema: schema, source: gff, sourceSHA256: sha,
                           genes: Array(Set(models.transcripts.map(\.gene))).sorted(),
                           transcripts: models.transcripts.sorted { ($0.gene, $0.id) < ($1.gene, $1.id) },
                           problems: models.problems.map(\.description))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(doc)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
