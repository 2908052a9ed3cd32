/// A typed value of one INFO or FORMAT field, copied out of htslib.
public enum FieldValue: Sendable, Hashable {
    /// Integers; `nil` is a missing (`.`) element.
    case integers([Int?])
    /// Floats; `nil` is a missing (`.`) element.
    case floats([Double?])
    /// A string (a FORMAT string of one sample, or an INFO string).
    case string(String)
    case flag

    /// The numbers, whatever their declared type; `nil` elements are missing values.
    public var numbers: [Double?]? {
        switch self {
        case .integers(let v): return v.map { $0.map(Double.init) }
        case .floats(let v): return v
        default: return nil
        }
    }
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
}

/// The fields of one sample column of a record.
public struct SampleFields: Sendable, Hashable {
    public var name: String
    public var fields: [String: FieldValue]
    /// Genotype allele indices; `nil` elements are missing (`.`).
    public var genotype: [Int?]?
    /// True when the genotype is written phased (`0|1`).
    public var phased: Bool
    public init(name: String, fields: [String: FieldValue], genotype: [Int?]?, phased: Bool = false) {
        self.name = name; self.fields = fields; self.genotype = genotype; self.phased = phased
    }
}

/// One VCF/BCF record as values, with only the INFO and FORMAT fields the tool reads.
///
/// `position` is the 1-based VCF POS. `line` is the 1-based line in a text VCF (nil for BCF).
public struct VariantRecord: Sendable, Hashable {
    public var contig: String
    public var position: Int
    public var identifier: String?
    public var reference: String
    public var alternates: [String]
    public var filters: [String]
    public var info: [String: FieldValue]
    public var samples: [SampleFields]
    public var line: Int?
    /// htslib problems flagged on this record (e.g. undefined contig), as words.
    public var problems: [String]

    public init(contig: String, position: Int, identifier: String? = nil, reference: String, alternates: [String],
                filters: [String] = [], info: [String: FieldValue] = [:], samples: [SampleFields] = [],
                line: Int? = nil, problems: [String] = []) {
        self.contig = contig; self.position = position; self.identifier = identifier; self.reference = reference
        self.alternates = alternates; self.filters = filters; self.info = info; self.samples = samples
        self.line = line; self.problems = problems
    }

    /// `chr7:55181378` (line 42) — the location every message names.
    public var location: String {
        "\(contig):\(position)" + (line.map { " (line \($0))" } ?? "")
    }
}

/// A header INFO/FORMAT declaration.
public struct FieldDeclaration: Sendable, Hashable {
    /// `A`, `R`, `G`, `.` or a count such as `1`.
    public var number: String
    /// `Integer`, `Float`, `String`, `Flag`, `Character`.
    public var type: String
    public var description: String
    public init(number: String, type: String, description: String) {
        self.number = number; self.type = type; self.description = description
    }
}

/// What the tool needs from a VCF header, copied into values.
public struct VCFHeaderSummary: Sendable, Hashable {
    public var samples: [String]
    /// Contigs in header order with their declared length (nil when the `##contig` line has none).
    public var contigs: [(name: String, length: Int?)]
    public var info: [String: FieldDeclaration]
    public var format: [String: FieldDeclaration]
    /// Other `##key=value` lines (`source`, `reference`, `tumor_sample`, …), in file order.
    public var meta: [(key: String, value: String)]
    public var fileFormat: String?

    public init(samples: [String], contigs: [(name: String, length: Int?)], info: [String: FieldDeclaration],
                format: [String: FieldDeclaration], meta: [(key: String, value: String)], fileFormat: String?) {
        self.samples = samples; self.contigs = contigs; self.info = info; self.format = format
        self.meta = meta; self.fileFormat = fileFormat
    }

    public func metaValues(_ key: String) -> [String] {
        meta.filter { $0.key.lowercased() == key.lowercased() }.map(\.value)
    }

    public static func == (a: VCFHeaderSummary, b: VCFHeaderSummary) -> Bool {
        a.samples == b.samples && a.contigs.map(\.name) == b.contigs.map(\.name)
            && a.contigs.map(\.length) == b.contigs.map(\.length) && a.info == b.info && a.format == b.format
            && a.meta.map(\.key) == b.meta.map(\.key) && a.meta.map(\.value) == b.meta.map(\.value)
            && a.fileFormat == b.fileFormat
    }
    public func hash(into h: inout Hasher) { h.combine(samples); h.combine(contigs.map(\.name)) }
}
