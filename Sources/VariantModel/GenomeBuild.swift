/// A human reference genome assembly.
///
/// Coordinates are only comparable within one build; every finding carries the build it was read in.
public enum GenomeBuild: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case grch37 = "GRCh37"
    case grch38 = "GRCh38"

    /// Parses `GRCh38`, `hg38`, `b38`, `GRCh37`, `hg19`, `b37` (case-insensitive).
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "grch38", "hg38", "b38", "38", "grch38.p13", "grch38.p14": self = .grch38
        case "grch37", "hg19", "b37", "37", "grch37.p13", "hs37d5": self = .grch37
        default: return nil
        }
    }

    public static func < (lhs: GenomeBuild, rhs: GenomeBuild) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Length of chromosome 1..22, X, Y in this build (NCBI assembly reports), used to recognise the
    /// build from `##contig` lines.
    public var chromosomeLengths: [String: Int] {
        switch self {
        case .grch37: return GenomeBuild.grch37Lengths
        case .grch38: return GenomeBuild.grch38Lengths
        }
    }

    static let grch37Lengths: [String: Int] = [
        "1": 249250621, "2": 243199373, "3": 198022430, "4": 191154276, "5": 180915260, "6": 171115067,
        "7": 159138663, "8": 146364022, "9": 141213431, "10": 135534747, "11": 135006516, "12": 133851895,
        "13": 115169878, "14": 107349540, "15": 102531392, "16": 90354753, "17": 81195210, "18": 78077248,
        "19": 59128983, "20": 63025520, "21": 48129895, "22": 51304566, "X": 155270560, "Y": 59373566,
    ]
    static let grch38Lengths: [String: Int] = [
        "1": 248956422, "2": 242193529, "3": 198295559, "4": 190214555, "5": 181538259, "6": 170805979,
        "7": 159345973, "8": 145138636, "9": 138394717, "10": 133797422, "11": 135086622, "12": 133275309,
        "13": 114364328, "14": 107043718, "15": 101991189, "16": 90338345, "17": 83257441, "18": 80373285,
        "19": 58617616, "20": 64444167, "21": 46709983, "22": 50818468, "X": 156040895, "Y": 57227415,
    ]
}

/// Contig naming: `chr7`, `7` and `NC_000007.14` all name chromosome 7.
///
/// ``canonical(_:)`` maps a contig name to `1`…`22`, `X`, `Y`, `MT`, or `nil` for alternate, decoy,
/// unplaced and unknown contigs (which the reader skips and counts).
public enum ContigName {
    /// The canonical chromosome name, or `nil` when the contig is not a primary chromosome.
    public static func canonical(_ name: String) -> String? {
        var n = Substring(name)
        if n.hasPrefix("NC_") { return refSeqChromosome(n) }
        if n.lowercased().hasPrefix("chr") { n = n.dropFirst(3) }
        switch n {
        case "M", "MT", "m", "mt", "chrM": return "MT"
        case "X", "x": return "X"
        case "Y", "y": return "Y"
        default:
            guard let v = Int(n), (1...22).contains(v), String(v) == n else { return nil }
            return String(v)
        }
    }

    /// The build a RefSeq chromosome accession implies (`NC_000007.13` is GRCh37, `.14` GRCh38).
    public static func buildOfRefSeqAccession(_ name: String) -> GenomeBuild? {
        guard name.hasPrefix("NC_0000"), let dot = name.firstIndex(of: "."),
              let chromNumber = Int(name[name.index(name.startIndex, offsetBy: 3)..<dot]),
              let version = Int(name[name.index(after: dot)...]) else { return nil }
        let table37: [Int: Int] = [1: 10, 2: 11, 3: 11, 4: 11, 5: 9, 6: 11, 7: 13, 8: 10, 9: 11, 10: 10, 11: 9,
                                   12: 11, 13: 10, 14: 8, 15: 9, 16: 9, 17: 10, 18: 9, 19: 9, 20: 10, 21: 8,
                                   22: 10, 23: 10, 24: 9]
        let table38: [Int: Int] = [1: 11, 2: 12, 3: 12, 4: 12, 5: 10, 6: 12, 7: 14, 8: 11, 9: 12, 10: 11, 11: 10,
                                   12: 12, 13: 11, 14: 9, 15: 10, 16: 10, 17: 11, 18: 10, 19: 10, 20: 11, 21: 9,
                                   22: 11, 23: 11, 24: 10]
        if table37[chromNumber] == version { return .grch37 }
        if table38[chromNumber] == version { return .grch38 }
        return nil
    }

    private static func refSeqChromosome(_ n: Substring) -> String? {
        if n.hasPrefix("NC_012920") { return "MT" }
        guard n.hasPrefix("NC_0000") else { return nil }
        let digits = n.dropFirst(3).prefix(while: { $0.isNumber })
        guard let v = Int(digits) else { return nil }
        switch v {
        case 1...22: return String(v)
        case 23: return "X"
        case 24: return "Y"
        default: return nil
        }
    }
}
