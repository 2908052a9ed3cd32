public import VariantModel

/// A problem with the input data found after htslib read it: the build, the sample choice, a value.
/// ``description`` is the one-line message (file and record position included).
public struct InputProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var location: String?
    public var message: String
    public init(path: String, location: String? = nil, message: String) {
        self.path = path; self.location = location; self.message = message
    }
    public var description: String { "\(path): " + (location.map { "\($0): " } ?? "") + message }
}
