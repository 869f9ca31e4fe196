#pragma once

#include "core/model/series_data.h"

#include <QPointF>
#include <QVector>

#include <vector>

namespace mlwatch {

// M4 over one series, fast enough for a pan/zoom frame at 10 M stored points.
//
// reduce() returns exactly what m4Downsample() (core/store/m4_downsampler.h) returns for the
// same arguments — same points, same order, same NaN gap markers — so everything said there
// (pixel-exact at that width, gaps kept) holds. It gets there without touching every point:
// a summary per block of 64 points (min, max, largest time step, "has a non-finite value"),
// built in one pass the first time a snapshot is reduced, lets a pixel column that spans many
// blocks read the blocks instead of the points. Column boundaries are found by binary search
// with m4Downsample's own column formula, so no point lands in another column; where the gaps
// are is listed once per gap size. Cost per call: O(width · log n + blocks in the window), well
// under a millisecond for an 8 M-point window at 1 200 px; the one-off build costs about one
// M4 pass.
//
// The index keeps a reference (implicit sharing) to the snapshot it was built for and rebuilds
// when handed another one (SeriesStore::replace() always hands out new arrays), so it never
// reads stale summaries. Series shorter than a few blocks go straight to m4Downsample().
//
// Not thread-safe; one index per series slot of a chart.
class M4Index {
public:
    // m4Downsample(data.timestampsMs, data.values, n, xMinMs, xMaxMs, pixelWidth, gapMs).
    QVector<QPointF> reduce(const SeriesData &data, qint64 xMinMs, qint64 xMaxMs, int pixelWidth,
                            qint64 gapMs = 0);

    // The min and max of the finite values in the slice reduce() reads (the window plus one
    // point on each side). False, leaving min and max alone, when there is none.
    bool extent(const SeriesData &data, qint64 xMinMs, qint64 xMaxMs, double *min, double *max);

    // Whether the last call used the block summaries (for tests and benchmarks).
    bool usedBlocks() const { return m_usedBlocks; }

    static constexpr qsizetype kBlockSize = 64;
    static constexpr qsizetype kBlocksPerGroup = 64; // second level, for long windows and columns
    // Below this many points a plain pass is as cheap as building the summaries.
    static constexpr qsizetype kMinPointsForBlocks = 4 * kBlockSize;

private:
    struct Block {
        double min = 0; // over the block's values (meaningless when nonFinite)
        double max = 0;
        qint64 largestStep = 0; // max t[i] - t[i-1] over i in the block (i ≥ 1)
        bool nonFinite = false; // a NaN or infinity inside: read its points one by one
    };

    bool attach(const SeriesData &data);
    qsizetype nextGap(qsizetype from, qsizetype hi, qint64 gapMs);
    void minMax(qsizetype a, qsizetype b, qsizetype &mn, qsizetype &mx) const;
    qsizetype firstIndexOf(qsizetype block, double value) const;

    QVector<qint64> m_t; // the snapshot the blocks describe (shared, never copied)
    QVector<double> m_v;
    std::vector<Block> m_blocks;
    std::vector<Block> m_groups;   // summaries of kBlocksPerGroup whole blocks (a partial tail has none)
    std::vector<qsizetype> m_gaps; // every i with t[i] - t[i-1] > m_gapsFor, ascending
    qint64 m_gapsFor = -1;
    bool m_usedBlocks = false;
};

} // namespace mlwatch
