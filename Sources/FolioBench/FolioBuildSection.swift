import FolioCore

/// Sections 1 and 2 of the report, the corpus and folio's load and index build: shared by the full
/// report and `--build-only`.
struct FolioBuildSection {
    let build: FolioBuild

    private var report: LoadReport { build.engine.report }

    func corpus() -> String {
        var table = TextTable("", "")
        table.add("files", Format.count(build.files))
        table.add("articles", Format.count(report.articleCount))
        table.add("text read", "\(Format.mib(report.bytesRead)) (\(Format.count(report.bytesRead)) bytes)")
        table.add("skipped", Format.count(report.skippedCount))
        return "1. Corpus\n" + table.render()
    }

    func render() -> String {
        let bytes = report.bytesRead
        var table = TextTable("", "")
        func runs(_ values: [Double]) -> String { values.map(Format.buildMs).joined(separator: ", ") }
        func perText(_ value: Int) -> String { bytes > 0 ? Format.ratio(Double(value) / Double(bytes)) : "-" }
        table.add(
            "load ms, read + decode + normalise + parse (median of \(runs(build.loadRuns)))", Format.buildMs(build.loadSeconds))
        table.add("index build ms (median of \(runs(build.indexRuns)))", Format.buildMs(build.indexSeconds))
        table.add(
            "index build CPU ms, all threads (median of \(runs(build.indexCPURuns)))", Format.buildMs(build.indexCPUSeconds))
        table.add("index throughput (text / index time)", Format.mibPerSecond(bytes, build.indexSeconds))
        table.add(
            "load + index throughput (text / (load + index))", Format.mibPerSecond(bytes, build.loadSeconds + build.indexSeconds))
        table.add("terms", Format.count(build.engine.statistics.termCount))
        table.add("index bytes (EngineStatistics.indexBytes)", Format.mib(build.engine.statistics.indexBytes))
        if let peak = build.peakResidentBytes {
            table.add("peak RSS after build (VmHWM)", Format.mib(peak))
            table.add("peak RSS / corpus text", perText(peak))
        }
        if let peak = build.loadPeakResidentBytes {
            table.add("  of which: peak while loading", "\(Format.mib(peak)) (\(perText(peak)))")
        }
        if let peak = build.indexPeakResidentBytes {
            table.add("  of which: peak while indexing (VmHWM reset after load)", "\(Format.mib(peak)) (\(perText(peak)))")
        }
        if let growth = build.residentGrowthBytes {
            table.add("RSS growth, load + index (VmRSS after - before)", Format.mib(growth))
            table.add("RSS growth / corpus text", perText(growth))
        }
        if !build.snapshotOpenRuns.isEmpty {
            table.add(
                "open from the index snapshot ms (median of \(runs(build.snapshotOpenRuns)))",
                Format.buildMs(Stats.median(build.snapshotOpenRuns)))
        }
        if let size = build.snapshotBytes { table.add("snapshot file (index + text)", Format.mib(size)) }
        return "2. folio load and index\n" + table.render()
    }
}
