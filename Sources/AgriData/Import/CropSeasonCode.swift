import Foundation

/// The crop seasons of Mekong Delta rice as muavu's imports name them. The codes are the
/// Vietnamese names without marks, as in `models/calendars/mekong-rice.json`.
///
/// GSO's English tables call Đông Xuân "spring paddy", Mùa "winter paddy", and, for the southern
/// provinces, put Hè Thu and Thu Đông together as "autumn paddy": that combined season has a code
/// of its own, `he-thu-thu-dong`, so that it is never taken for Hè Thu alone.
public enum CropSeasonCode: String, Sendable, CaseIterable, Codable {
    /// Đông Xuân, the winter–spring crop (sown Nov–Dec, harvested Feb–Mar).
    case dongXuan = "dong-xuan"
    /// Hè Thu, the summer–autumn crop.
    case heThu = "he-thu"
    /// Thu Đông, the autumn–winter crop (the third crop inside the dykes).
    case thuDong = "thu-dong"
    /// Mùa, the wet-season main crop of the rain-fed and coastal areas.
    case mua = "mua"
    /// GSO's "autumn paddy" in the south: Hè Thu and Thu Đông together.
    case heThuThuDong = "he-thu-thu-dong"
    /// The whole year: every crop of the year together.
    case caNam = "ca-nam"

    /// The Vietnamese name, with its marks.
    public var nameVi: String {
        switch self {
        case .dongXuan: "Đông Xuân"
        case .heThu: "Hè Thu"
        case .thuDong: "Thu Đông"
        case .mua: "Mùa"
        case .heThuThuDong: "Hè Thu + Thu Đông"
        case .caNam: "Cả năm"
        }
    }

    /// A season as a person or a report writes it: the code (`dong-xuan`) or the Vietnamese
    /// name with or without its marks, in any case (`Đông Xuân`, `dong xuan`); nil otherwise.
    public init?(reading text: String) {
        let key = ImportSupport.slug(text)
        guard let found = Self.allCases.first(where: { $0.rawValue == key || ImportSupport.slug($0.nameVi) == key })
        else { return nil }
        self = found
    }
}
