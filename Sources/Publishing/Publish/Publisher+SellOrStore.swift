import Agronomy
import Documents
import Forecasting
import TimeSeriesCore

extension Publisher {
    /// Sell fresh now or dry and store, for a monthly price the configuration's `sellOrStore`
    /// section lists, as `muavu outlook` answers it (`OutlookAssembly.sellOrStore`, the one
    /// computation): the model the price study chose, the configured costs, "now" the latest
    /// reported price. The sentence joins the price's outlook (the bulletin's paragraph and its
    /// phone page); the numbers make the bulletin's sell-or-store table (`Bulletin.SellOrStore`).
    static func addSellOrStore(
        _ item: inout PublishedSeries, configuration: PublishConfiguration, study: OutlookStudy,
        candidates: [OutlookStudy.Candidate]
    ) throws {
        guard let settings = configuration.sellOrStore, settings.entries?.contains(item.entry.id) == true,
            let chosen = study.chosen,
            let forecaster = candidates.first(where: { $0.name == chosen.name })?.forecaster
        else { return }
        let commodity = item.entry.commodity ?? item.entry.name
        let section: SellOrStoreSection
        do {
            section = try OutlookAssembly.sellOrStore(
                item.history, commodity: commodity, forecaster: forecaster, model: chosen.name,
                request: SellOrStoreRequest(costs: settings.costs))
        } catch let refusal as OutlookAssembly.Refusal {
            throw PublishingError(
                .badConfiguration, "\(configuration.file): sellOrStore, entry '\(item.entry.id)': \(refusal.message)")
        }
        item.sellOrStore = section
        item.outlook?.sellOrStore = section.text
    }
}
