public import VariantModel

/// The INFO tags `nextline annotate` adds to a variant file: one `NEXTLINE_ANN` entry per identified ALT,
/// `|`-separated fields named in the header's Description, lists joined by `&`, and the characters VCF
/// reserves (`,;=|&%`, whitespace) percent-encoded as VCF 4.3 does.
public enum AnnotationTags {
    public static let fields = ["Allele", "Gene", "Transcript", "HGVSc", "HGVSp", "Consequence", "Classification", "Origin",
                                "Flags", "Rules"]

    /// The header lines declaring the tags (the provenance lines are added by the caller).
    public static var headerLines: [String] {
        ["##INFO=<ID=NEXTLINE_ANN,Number=.,Type=String,Description=\"nextline annotation of each identified ALT allele. Format: "
         + fields.joined(separator: "|") + " (Flags and Rules joined by &; Classification, Origin, Flags and Rules only when a case was interpreted)\">"]
    }

    /// The lookup key of an allele: canonical chromosome, normalised position and alleles (symbolic
    /// alleles as written).
    public static func key(contig: String, position: Int, reference: String, alternate: String) -> String? {
        guard let chrom = ContigName.canonical(contig) else { return nil }
        if alternate.hasPrefix("<") || alternate.contains("[") || alternate.contains("]") || alternate == "*" {
            return "\(chrom):\(position):\(reference.uppercased()):\(alternate)"
        }
        let a = Allele(chromosome: chrom, position: position, reference: reference, alternate: alternate).normalised()
        return "\(a.chromosome):\(a.position):\(a.reference):\(a.alternate)"
    }

    /// Findings by allele key.
    public static func index(_ findings: [DocumentFinding]) -> [String: DocumentFinding] {
        var out: [String: DocumentFinding] = [:]
        for f in findings {
            if let k = key(contig: f.chrom, position: f.pos, reference: f.ref, alternate: f.alt), out[k] == nil { out[k] = f }
        }
        return out
    }

    /// One `NEXTLINE_ANN` entry for a finding, under the ALT as the record writes it.
    public static func entry(_ f: DocumentFinding, alt: String) -> String {
        let single = [alt, f.gene, f.transcript ?? "", f.hgvsc ?? "", f.hgvsp ?? (f.cnState ?? f.copyNumber?.state ?? ""),
                      f.consequence ?? "", f.classification ?? "", f.origin ?? ""].map(encoded)
        let lists = [f.flags ?? [], f.matches ?? []].map { $0.map(encoded).joined(separator: "&") }
        return (single + lists).joined(separator: "|")
    }

    /// Percent-encodes what a VCF INFO value or this tag's structure cannot hold.
    public static func encoded(_ s: String) -> String {
        var out = ""
        for u in s.utf8 {
            switch u {
            case UInt8(ascii: "%"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "|"), UInt8(ascii: "&"),
                 UInt8(ascii: " "), 9, 10, 13:
                out += "%" + String(u, radix: 16, uppercase: true).padded
            default: out.unicodeScalars.append(Unicode.Scalar(u))
            }
        }
        return out
    }
}

extension String {
    fileprivate var padded: String { count == 1 ? "0" + self : self }
}
