#include "support/ab_runner.h"

#include <QElapsedTimer>
#include <QTextStream>

namespace mlwatch::bench {

AbRunner::AbRunner(QString name, BenchOptions options)
    : m_name(std::move(name))
    , m_options(std::move(options)) {}

Q_NEVER_INLINE double AbRunner::timeStep(const Step &step) {
    QElapsedTimer timer;
    timer.start();
    step();
    return double(timer.nsecsElapsed()) / 1e6;
}

void AbRunner::settle() {
    if (m_settle)
        m_settle();
}

AbResult AbRunner::run(const Step &ours, const Step &baseline) {
    using Side = BenchOptions::Side;
    AbResult result;
    result.name = m_name;
    result.only = m_options.only;
    result.warmupPairs = m_options.warmupPairs;
    const bool runOurs = m_options.only != Side::Baseline;
    const bool runBaseline = m_options.only != Side::Ours;

    QTextStream err(stderr);
    settle();
    for (int pair = -m_options.warmupPairs; pair < m_options.pairs; ++pair) {
        double a = 0, b = 0;
        if (runOurs) {
            a = timeStep(ours);
            settle();
        }
        if (runBaseline) {
            b = timeStep(baseline);
            settle();
        }
        if (m_options.verbose) {
            err << m_name << (pair < 0 ? " warm-up" : " pair ")
                << (pair < 0 ? QString() : QString::number(pair)) << ": ours " << a << " ms, baseline " << b
                << " ms\n";
            err.flush();
        }
        if (pair < 0)
            continue;
        if (runOurs)
            result.oursMs.append(a);
        if (runBaseline)
            result.baselineMs.append(b);
        if (runOurs && runBaseline)
            result.ratios.append(b / a);
    }
    return result;
}

} // namespace mlwatch::bench
