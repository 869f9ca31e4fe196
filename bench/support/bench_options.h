#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace mlwatch::bench {

// Command line shared by every benchmark executable:
//   --pairs N          measured A/B pairs (default per benchmark; at least 7 for a ratio)
//   --warmup N         pairs run first and thrown away (caches, fonts, allocator; default 2)
//   --json FILE        also write the result object (raw samples, statistics, environment)
//   --only ours|baseline
//                      run one side only, e.g. under `valgrind --tool=callgrind`; no ratio
//   --verbose          print every sample to stderr as it is taken
struct BenchOptions {
    enum class Side { Both, Ours, Baseline };

    int pairs = 0;
    int warmupPairs = 2;
    QString jsonPath;
    Side only = Side::Both;
    bool verbose = false;

    static constexpr int kMinPairsForRatio = 7; // performance.md §7.1

    // nullopt after printing usage (for --help: `exitCode` 0) or the error (`exitCode` 2).
    static std::optional<BenchOptions> fromArguments(const QStringList &arguments, int defaultPairs,
                                                     int &exitCode);
};

} // namespace mlwatch::bench
