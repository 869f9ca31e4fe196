#include "support/bench_options.h"

#include <QFileInfo>
#include <QTextStream>

namespace mlwatch::bench {

namespace {

void printUsage(QTextStream &out, const QString &program, int defaultPairs) {
    out << "usage: " << program
        << " [--pairs N] [--warmup N] [--json FILE] [--only ours|baseline] [--verbose]\n"
        << "  --pairs N      measured ours/baseline pairs, interleaved A/B (default " << defaultPairs
        << ", minimum " << BenchOptions::kMinPairsForRatio << " unless --only)\n"
        << "  --warmup N     pairs run first and discarded (default 2)\n"
        << "  --json FILE    write raw samples, statistics and the environment as JSON\n"
        << "  --only SIDE    run only 'ours' or only 'baseline' (for callgrind); prints no ratio\n"
        << "  --verbose      print each sample to stderr\n";
}

} // namespace

std::optional<BenchOptions> BenchOptions::fromArguments(const QStringList &arguments, int defaultPairs,
                                                        int &exitCode) {
    QTextStream err(stderr);
    const QString program =
        arguments.isEmpty() ? QStringLiteral("bench") : QFileInfo(arguments.first()).fileName();
    BenchOptions options;
    options.pairs = defaultPairs;

    auto fail = [&](const QString &message) -> std::optional<BenchOptions> {
        err << program << ": " << message << '\n';
        printUsage(err, program, defaultPairs);
        exitCode = 2;
        return std::nullopt;
    };
    auto intValue = [&](qsizetype &i, int minimum, int &target) {
        bool ok = false;
        const int value = i + 1 < arguments.size() ? arguments.at(i + 1).toInt(&ok) : 0;
        if (!ok || value < minimum)
            return false;
        target = value;
        ++i;
        return true;
    };

    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            QTextStream out(stdout);
            printUsage(out, program, defaultPairs);
            exitCode = 0;
            return std::nullopt;
        } else if (arg == QLatin1String("--pairs")) {
            if (!intValue(i, 1, options.pairs))
                return fail(QStringLiteral("--pairs needs a number >= 1"));
        } else if (arg == QLatin1String("--warmup")) {
            if (!intValue(i, 0, options.warmupPairs))
                return fail(QStringLiteral("--warmup needs a number >= 0"));
        } else if (arg == QLatin1String("--json")) {
            if (i + 1 >= arguments.size())
                return fail(QStringLiteral("--json needs a file name"));
            options.jsonPath = arguments.at(++i);
        } else if (arg == QLatin1String("--only")) {
            const QString side = i + 1 < arguments.size() ? arguments.at(++i) : QString();
            if (side == QLatin1String("ours"))
                options.only = Side::Ours;
            else if (side == QLatin1String("baseline"))
                options.only = Side::Baseline;
            else
                return fail(QStringLiteral("--only takes 'ours' or 'baseline'"));
        } else if (arg == QLatin1String("--verbose")) {
            options.verbose = true;
        } else {
            return fail(QStringLiteral("unknown argument '%1'").arg(arg));
        }
    }
    // Fewer pairs make the median ratio meaningless on a noisy VM; one side alone may run once.
    if (options.only == Side::Both && options.pairs < kMinPairsForRatio)
        return fail(QStringLiteral("--pairs must be at least %1 when both sides run").arg(kMinPairsForRatio));
    return options;
}

} // namespace mlwatch::bench
