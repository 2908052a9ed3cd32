/// The tool's name and version, written into every output.
public enum ToolInfo {
    public static let name = "nextline"
    public static let version = "0.1.0"
}
