import Documents
import Rendering

extension Bilingual {
    /// The text in `language`.
    public subscript(language: Language) -> String {
        language == .vi ? vi : en
    }
}
