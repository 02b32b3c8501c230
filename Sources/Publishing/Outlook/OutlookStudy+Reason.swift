import Agronomy
import Documents
import Rendering

extension OutlookStudy {
    /// Why the chosen model was chosen, in words.
    public var reason: Bilingual {
        guard let c = chosen else { return Bilingual(vi: "", en: "") }
        func r(_ x: Double?) -> String { x.map { NumberText.format($0, decimals: 0, language: .en) } ?? "–" }
        func rv(_ x: Double?) -> String { x.map { NumberText.format($0, decimals: 0, language: .vi) } ?? "–" }
        let others = scores.filter { !$0.chosen && $0.rmse != nil }
        let origins = selectionOrigins.count
        let otherKind = c.kind == "export-link" ? "univariate" : "export-link"
        let rival = others.filter { $0.kind == otherKind }.min { ($0.rmse ?? .infinity) < ($1.rmse ?? .infinity) }
        var en =
            "\(c.name) had the lowest backtest RMSE (\(r(c.rmse))) over \(origins) monthly origins, \(options.months) months ahead"
        var vi =
            "\(c.name) có sai số RMSE thấp nhất khi kiểm tra trên số liệu cũ (\(rv(c.rmse))), qua \(origins) điểm xuất phát, dự báo \(options.months) tháng"
        if let rival {
            if c.kind == "export-link" {
                en += "; the link to the export price beat the best univariate model, \(rival.name) (\(r(rival.rmse)))"
                vi +=
                    "; mô hình theo giá xuất khẩu tốt hơn mô hình đơn biến tốt nhất, \(rival.name) (\(rv(rival.rmse)))"
            } else {
                en += "; the link to the export price, \(rival.name), did not beat it (\(r(rival.rmse)))"
                vi += "; mô hình theo giá xuất khẩu, \(rival.name), không tốt hơn (\(rv(rival.rmse)))"
            }
        }
        return Bilingual(vi: vi + ".", en: en + ".")
    }
}
