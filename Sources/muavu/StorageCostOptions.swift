import Agronomy
import ArgumentParser
import Publishing

/// The costs of drying and storing paddy (`muavu outlook --sell-or-store`, `muavu sell-or-store`):
/// each option overrides one default of `StorageCosts.standard` (its source in
/// docs/design/sell-or-store.md). Percentages as the department writes them (25 = 25%).
struct StorageCostOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Drying charge, đồng per kg of fresh paddy (default 180).", valueName: "đồng"))
    var dryingCost: Double?

    @Option(name: .long, help: ArgumentHelp("Moisture at harvest, % (default 25).", valueName: "%"))
    var fieldMoisture: Double?

    @Option(name: .long, help: ArgumentHelp("Moisture dried to for storage, % (default 14).", valueName: "%"))
    var storeMoisture: Double?

    @Option(name: .long, help: ArgumentHelp("Grain lost in store per month, % (default 0.5).", valueName: "%"))
    var storageLoss: Double?

    @Option(
        name: .long,
        help: ArgumentHelp("Interest per month on the money not yet received, % (default 0.367).", valueName: "%"))
    var interest: Double?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Dry over fresh paddy price on the same day (default 1.1291, the An Giang board's median).",
            valueName: "ratio"))
    var dryToFresh: Double?

    /// `base` with the options given on the command line in place of its values.
    func costs(over base: StorageCosts = .standard) throws -> StorageCosts {
        let c = SellOrStoreSettings(
            dryingCost: dryingCost, fieldMoisture: fieldMoisture, storeMoisture: storeMoisture,
            storageLoss: storageLoss, interest: interest, dryToFresh: dryToFresh
        ).costs(over: base)
        do { try c.check() } catch {
            throw ValidationError("storage costs: \(error); the options take percentages (--interest 0.367 = 0.367%)")
        }
        return c
    }

    func validate() throws { _ = try costs() }
}
