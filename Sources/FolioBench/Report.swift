import FolioCore

/// Prints a benchmark's results as plain aligned text, in five numbered sections.
struct Report {
    let results: BenchmarkResults
    var verbose = false

    func render() -> String {
        var sections = [header(), corpus(), folioBuild(), keystrokes(), completeQueries(), summary()]
        if verbose { sections.append(perQuery()) }
        return sections.joined(separator: "\n\n")
    }

    private var folio: FolioBuild { results.folio }
    private var report: LoadReport { results.folio.engine.report }
    private var comparison: ComparisonResults { results.comparison }

    private func header() -> String {
        """
        folio-bench \(results.path)
        queries: \(results.queriesPath) (\(results.queries.count) queries, \(Format.count(results.keystrokes.count)) keystrokes); \
        \(results.repeats) runs, medians reported
        load average: \(results.loadBefore ?? "?") at start, \(results.loadAfter ?? "?") at end
        """
    }

    private func corpus() -> String { FolioBuildSection(build: folio).corpus() }

    private func folioBuild() -> String { FolioBuildSection(build: folio).render() }

    private func keystrokes() -> String {
        let total = results.replay.map { LatencySummary($0.total) }
        let search = results.replay.map { LatencySummary($0.search) }
        let cpu = results.replay.map { LatencySummary($0.cpu) }
        var table = TextTable(headers: ["ms"] + total.indices.map { "run \($0 + 1)" } + ["median"])
        func add(_ label: String, _ values: [Double]) {
            table.rows.append([label] + values.map(Format.ms) + [Format.ms(Stats.median(values))])
        }
        add("p50", total.map(\.p50))
        add("p90", total.map(\.p90))
        add("p99", total.map(\.p99))
        add("max", total.map(\.max))
        add("search only p50", search.map(\.p50))
        add("search only p99", search.map(\.p99))
        add("thread CPU p50", cpu.map(\.p50))
        add("thread CPU p99", cpu.map(\.p99))
        let steps = results.keystrokes.count
        let meanMatches = Stats.median(results.replay.map { Double($0.matches) / Double(max(1, steps)) })
        let meanSnippetBytes = Stats.median(results.replay.map { Double($0.snippetBytes) / Double(max(1, steps)) })
        var lines = [
            "3. Per-keystroke search latency, \(Format.count(steps)) keystrokes a run",
            "  each keystroke: search(text so far, mode: .incremental) + snippets for the top 20 rows",
            table.render(),
            "  mean matches per keystroke: \(Format.count(Int(meanMatches.rounded()))); "
                + "snippet text made per keystroke: \(Format.count(Int(meanSnippetBytes.rounded()))) bytes",
            "  5 slowest keystrokes (median ms over runs):"
        ]
        var slowest = TextTable("", "")
        slowest.textColumns = [1]
        slowest.indent = "    "
        for (position, seconds) in slowestKeystrokes(5) {
            slowest.add(Format.ms(seconds), quoted(results.keystrokes[position]))
        }
        lines.append(slowest.render())
        return lines.joined(separator: "\n")
    }

    /// Keystrokes by their median latency over the runs, slowest first.
    private func slowestKeystrokes(_ count: Int) -> [(Int, Double)] {
        let medians = results.keystrokes.indices.map { position in
            (position, Stats.median(results.replay.map { $0.total[position] }))
        }
        return Array(medians.sorted { $0.1 > $1.1 }.prefix(count))
    }

    private func completeQueries() -> String {
        var lines = [
            "4. Complete queries, folio vs SQLite FTS5: top 20, no snippets",
            "  as typed: folio .complete; prefix variant: folio .incremental vs FTS5 with the last word as \"word\"*"
        ]
        if let fts = comparison.ftsBuild {
            lines.append("  FTS5 (in memory, tokenize '\(FTS5Run.tokenizer)', bm25(t, 4.0, 1.0)):")
            lines.append(
                "    insert in one transaction \(Format.buildMs(fts.insertSeconds)) ms + optimize \(Format.buildMs(fts.optimizeSeconds)) ms; "
                    + "database \(Format.mib(fts.databaseBytes)) (index + its copy of the text)"
                    + (fts.residentGrowthBytes.map { "; RSS growth \(Format.mib($0))" } ?? ""))
        } else {
            lines.append("  FTS5 skipped (--no-fts5)")
        }
        lines.append("  compared: \(comparison.exact.count) queries as typed, \(comparison.prefix.count) prefix variants")
        let untranslatable = comparison.queries.untranslatable
        if !untranslatable.isEmpty && comparison.ftsBuild != nil {
            lines.append(
                "  not sent to FTS5 (nothing FTS5 can search for): \(untranslatable.map(quoted).joined(separator: ", "))")
        }
        if comparison.ftsBuild != nil {
            lines.append("  rejected by FTS5: \(comparison.rejections.count)")
            for rejection in comparison.rejections {
                lines.append("    \(quoted(rejection.query)) → \(rejection.expression): \(rejection.message)")
            }
        }
        var table = TextTable("ms", "folio", "FTS5", "folio/FTS5")
        for (label, metric) in comparisonMetrics {
            let folioValue = metric(comparison.folio)
            let ftsValue = comparison.fts.isEmpty ? nil : metric(comparison.fts)
            table.add(
                label, Format.ms(folioValue), ftsValue.map(Format.ms) ?? "-", ftsValue.map { Format.ratio(folioValue, $0) } ?? "-"
            )
        }
        lines.append(table.render())
        if let overlap = comparison.overlap {
            lines.append("  top-20 overlap, folio vs FTS5 (queries as typed): \(Format.percent(overlap)) on average")
        }
        return lines.joined(separator: "\n")
    }

    /// Medians over runs of each run's percentile.
    private var comparisonMetrics: [(String, ([CompleteQueries.Pass]) -> Double)] {
        [
            ("as typed p50", { passes in Stats.median(passes.map { Stats.percentile($0.exact, 50) }) }),
            ("as typed p99", { passes in Stats.median(passes.map { Stats.percentile($0.exact, 99) }) }),
            ("prefix p50", { passes in Stats.median(passes.map { Stats.percentile($0.prefix, 50) }) }),
            ("prefix p99", { passes in Stats.median(passes.map { Stats.percentile($0.prefix, 99) }) })
        ]
    }

    private func summary() -> String {
        var table = TextTable("metric", "folio", "FTS5", "folio/FTS5")
        let fts = comparison.ftsBuild
        let bytes = report.bytesRead
        let ftsBuild = fts.map { $0.insertSeconds + $0.optimizeSeconds }
        table.add(
            "index build ms (FTS5: insert + optimize)", Format.buildMs(folio.indexSeconds),
            ftsBuild.map(Format.buildMs) ?? "-", ftsBuild.map { Format.ratio(folio.indexSeconds, $0) } ?? "-")
        table.add(
            "index build MiB/s", Format.mibPerSecond(bytes, folio.indexSeconds),
            ftsBuild.map { Format.mibPerSecond(bytes, $0) } ?? "-", ftsBuild.map { Format.ratio($0, folio.indexSeconds) } ?? "-")
        let index = folio.engine.statistics.indexBytes
        table.add(
            "index MiB (FTS5: database with text)", Format.mib(index), fts.map { Format.mib($0.databaseBytes) } ?? "-",
            fts.map { Format.ratio(Double(index), Double($0.databaseBytes)) } ?? "-")
        if let growth = folio.residentGrowthBytes {
            let ftsGrowth = fts?.residentGrowthBytes
            table.add(
                "RSS growth MiB (folio: text + index)", Format.mib(growth), ftsGrowth.map(Format.mib) ?? "-",
                ftsGrowth.map { Format.ratio(Double(growth), Double($0)) } ?? "-")
        }
        for (label, metric) in comparisonMetrics {
            let folioValue = metric(comparison.folio)
            let ftsValue = comparison.fts.isEmpty ? nil : metric(comparison.fts)
            table.add(
                "query \(label) ms", Format.ms(folioValue), ftsValue.map(Format.ms) ?? "-",
                ftsValue.map { Format.ratio(folioValue, $0) } ?? "-")
        }
        let total = results.replay.map { LatencySummary($0.total) }
        table.add("keystroke p50 ms (search + 20 snippets)", Format.ms(Stats.median(total.map(\.p50))), "-", "-")
        table.add("keystroke p99 ms (search + 20 snippets)", Format.ms(Stats.median(total.map(\.p99))), "-", "-")
        table.add("queries rejected", "0", fts == nil ? "-" : Format.count(comparison.rejections.count), "-")
        return "5. Summary\n" + table.render() + "\n  folio/FTS5 below 1 means folio is faster or smaller (for MiB/s: slower)."
    }

    /// Each compared query's median time over the runs (--verbose).
    private func perQuery() -> String {
        var table = TextTable("query", "folio ms", "FTS5 ms", "FTS5 expression")
        table.textColumns = [0, 3]
        for (slot, position) in comparison.exact.enumerated() {
            let folioValue = Stats.median(comparison.folio.map { $0.exact[slot] })
            let ftsValue = comparison.fts.isEmpty ? "-" : Format.ms(Stats.median(comparison.fts.map { $0.exact[slot] }))
            table.add(
                quoted(comparison.queries.pairs[position].text), Format.ms(folioValue), ftsValue,
                comparison.queries.pairs[position].exact ?? "-")
        }
        return "Per query, as typed (median over runs)\n" + table.render()
    }

    private func quoted(_ text: String) -> String { "«" + text + "»" }
}
