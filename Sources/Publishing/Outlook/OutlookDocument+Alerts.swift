import Agronomy
import Documents
import Foundation
import TimeSeriesCore

extension OutlookDocument {
    /// The outlook document of `study`, its alerts (`anomaly`: the IPA, `spike`: the ALPS) in the
    /// words of `AlertWording` (a class is published only when at most `maximumAlertAge` months
    /// old) and the chosen model's reason (`OutlookStudy.reason`).
    public init(
        issued: Date, asOf: PeriodDate, commodity: Bilingual, market: Bilingual, unit: Bilingual, inputs: [Input],
        series: TimeSeries, study: OutlookStudy, anomaly: Result<PriceAnomalyIndicator.Assessment, Unavailable>,
        spike: Result<PriceSpikeAlert.Assessment, Unavailable>, maximumAlertAge: Int = 2, exportLinkNote: String? = nil,
        text: Bilingual
    ) {
        let ipaMethod = "FAO GIEWS Indicator of Price Anomalies (IPA)"
        let alpsMethod = "WFP Alert for Price Spikes (ALPS)"
        let ipa = Self.alert(ipaMethod, anomaly) { a in
            Alert(
                method: ipaMethod, status: a.status, latest: a.latest, value: a.point?.value, class: a.band?.rawValue,
                name: a.band.map(AlertWording.name),
                meaning: AlertWording.explanation(a, maximumAge: maximumAlertAge, named: false))
        }
        let alps = Self.alert(alpsMethod, spike) { s in
            Alert(
                method: alpsMethod, status: s.status, latest: s.latest, value: s.point.value,
                class: s.severity?.rawValue, name: s.severity.map(AlertWording.name),
                meaning: AlertWording.explanation(s, maximumAge: maximumAlertAge, named: false))
        }
        self.init(
            of: (commodity, market, unit), issued: issued, asOf: asOf, inputs: inputs, series: series, study: study,
            why: study.reason, alerts: (ipa, alps), exportLinkNote: exportLinkNote, text: text)
    }

    /// The entry of an assessment, or of its failure.
    private static func alert<Assessment>(
        _ method: String, _ result: Result<Assessment, Unavailable>, _ entry: (Assessment) -> Alert
    ) -> Alert {
        switch result {
        case .success(let assessment): entry(assessment)
        case .failure(let unavailable): Alert(method: method, failure: unavailable)
        }
    }
}
