/// One field of a CSV file muavu writes (RFC 4180): quoted, with its quotes doubled, when it holds
/// a comma, a quote or a line break; as it is otherwise. The tidy export, the forecasts of record,
/// `muavu verify --records` and the province-season table write their fields through it.
public enum CSVField {
    public static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
