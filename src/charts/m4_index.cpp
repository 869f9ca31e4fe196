#include "charts/m4_index.h"

#include "core/store/m4_downsampler.h"

#include <algorithm>
#include <cmath>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mlwatch {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr qsizetype B = M4Index::kBlockSize;

// The slice m4Downsample() reads: the window widened by one point on each side. False when empty.
bool sliceOf(const qint64 *t, qsizetype n, qint64 xMinMs, qint64 xMaxMs, qsizetype &lo, qsizetype &hi) {
    lo = std::lower_bound(t, t + n, xMinMs) - t;
    hi = std::upper_bound(t, t + n, xMaxMs) - t;
    lo = std::max<qsizetype>(0, lo - 1);
    hi = std::min<qsizetype>(n, hi + 1);
    return lo < hi;
}

// Folds v[from, to) into mn/mx the way `mn = x < mn ? x : mn` does (a NaN x is skipped, a NaN
// mn sticks) and sets `nan` when a NaN was skipped. With SSE2 (every x86-64) two points an
// instruction: the block summaries are the one pass over every stored point.
void valueRange(const double *v, qsizetype from, qsizetype to, double &mn, double &mx, bool &nan) {
    qsizetype i = from;
#if defined(__SSE2__)
    if (to - from >= 4) {
        __m128d lo = _mm_set1_pd(mn), hi = _mm_set1_pd(mx), unordered = _mm_setzero_pd();
        for (; i + 2 <= to; i += 2) {
            const __m128d x = _mm_loadu_pd(v + i);
            lo = _mm_min_pd(x, lo); // lane by lane: x < lo ? x : lo
            hi = _mm_max_pd(x, hi);
            unordered = _mm_or_pd(unordered, _mm_cmpunord_pd(x, x));
        }
        double l[2], h[2];
        _mm_storeu_pd(l, lo);
        _mm_storeu_pd(h, hi);
        mn = l[1] < l[0] ? l[1] : l[0];
        mx = h[1] > h[0] ? h[1] : h[0];
        nan = nan || _mm_movemask_pd(unordered) != 0;
    }
#endif
    for (; i < to; ++i) {
        const double x = v[i];
        mn = x < mn ? x : mn;
        mx = x > mx ? x : mx;
        nan = nan || x != x;
    }
}

// The largest t[i] - t[i - 1] over i in [from, to), from >= 1; two chains, no branch.
qint64 largestStep(const qint64 *t, qsizetype from, qsizetype to, qint64 step) {
    qint64 other = step;
    qsizetype i = from;
    for (; i + 1 < to; i += 2) {
        step = std::max(step, t[i] - t[i - 1]);
        other = std::max(other, t[i + 1] - t[i]);
    }
    for (; i < to; ++i)
        step = std::max(step, t[i] - t[i - 1]);
    return std::max(step, other);
}

struct FiniteRange {
    double min = 0, max = 0;
    bool any = false;
    void take(double x) {
        if (!std::isfinite(x))
            return;
        if (!any) {
            min = max = x;
            any = true;
        } else {
            min = std::min(min, x);
            max = std::max(max, x);
        }
    }
};

} // namespace

bool M4Index::attach(const SeriesData &data) {
    const qsizetype n = std::min(data.timestampsMs.size(), data.values.size());
    if (n < kMinPointsForBlocks) {
        m_usedBlocks = false;
        return false;
    }
    m_usedBlocks = true;
    // Same arrays as last time (we hold a reference, so the addresses cannot have been reused).
    if (!m_blocks.empty() && m_t.constData() == data.timestampsMs.constData() &&
        m_v.constData() == data.values.constData() && m_t.size() == data.timestampsMs.size() &&
        m_v.size() == data.values.size())
        return true;

    m_t = data.timestampsMs;
    m_v = data.values;
    m_gaps.clear();
    m_gapsFor = -1;
    const qint64 *t = m_t.constData();
    const double *v = m_v.constData();
    m_blocks.assign(size_t((n + B - 1) / B), Block{});
    // The one pass that reads every point (memory-bound: ~1 ms per million points here).
    for (size_t k = 0; k < m_blocks.size(); ++k) {
        const qsizetype s = qsizetype(k) * B;
        const qsizetype e = std::min(n, s + B);
        double mn = v[s], mx = v[s];
        bool nan = false;
        valueRange(v, s + 1, e, mn, mx, nan);
        const qint64 step = largestStep(t, std::max<qsizetype>(1, s), e, std::numeric_limits<qint64>::min());
        // A NaN first value sticks in mn/mx; a later one only shows in `nan`; infinities show in both.
        m_blocks[k] = Block{mn, mx, step, nan || !std::isfinite(mn) || !std::isfinite(mx)};
    }
    // Groups of whole blocks, for extent() over long windows (the axes of a 10 M-point chart).
    m_groups.assign(m_blocks.size() / size_t(kBlocksPerGroup), Block{});
    for (size_t g = 0; g < m_groups.size(); ++g) {
        Block group = m_blocks[g * size_t(kBlocksPerGroup)];
        for (size_t k = g * size_t(kBlocksPerGroup) + 1; k < (g + 1) * size_t(kBlocksPerGroup); ++k) {
            const Block &block = m_blocks[k];
            group.min = std::min(group.min, block.min);
            group.max = std::max(group.max, block.max);
            group.largestStep = std::max(group.largestStep, block.largestStep);
            group.nonFinite = group.nonFinite || block.nonFinite;
        }
        m_groups[g] = group;
    }
    return true;
}

qsizetype M4Index::nextGap(qsizetype from, qsizetype hi, qint64 gapMs) {
    // The first i in (from, hi) with t[i] - t[i-1] > gapMs. Every such i of the snapshot is
    // listed once per gap size, reading only the blocks whose largest step is large enough.
    if (gapMs != m_gapsFor) {
        const qint64 *t = m_t.constData();
        const qsizetype n = std::min(m_t.size(), m_v.size());
        m_gaps.clear();
        for (size_t k = 0; k < m_blocks.size(); ++k) {
            if (m_blocks[k].largestStep <= gapMs)
                continue;
            for (qsizetype i = std::max<qsizetype>(1, qsizetype(k) * B);
                 i < std::min(n, qsizetype(k + 1) * B); ++i)
                if (t[i] - t[i - 1] > gapMs)
                    m_gaps.push_back(i);
        }
        m_gapsFor = gapMs;
    }
    const auto it = std::upper_bound(m_gaps.cbegin(), m_gaps.cend(), from);
    return it != m_gaps.cend() && *it < hi ? *it : hi;
}

qsizetype M4Index::firstIndexOf(qsizetype block, double value) const {
    const double *v = m_v.constData();
    for (qsizetype i = block * B;; ++i)
        if (v[i] == value)
            return i; // the block's min/max is one of its values: always found
}

void M4Index::minMax(qsizetype a, qsizetype b, qsizetype &mn, qsizetype &mx) const {
    // m4Downsample's Column::add, point by point: min/max start at the first point and move
    // only on a strictly smaller/larger value, so the first occurrence wins, and a NaN first
    // value sticks (nothing compares less or greater than NaN). A NaN-free block (or group of
    // blocks) changes them exactly as its points would one by one: to its first occurrence of
    // its min/max when that beats the current value. Which point that is gets looked up once,
    // at the end: the first block of the group with that extreme, then the point in it.
    const double *v = m_v.constData();
    mn = mx = a;
    if (v[a] != v[a])
        return;
    double low = v[a], high = v[a];
    // Where the extreme is: -1 at mn/mx (a point), else in that block or group.
    qsizetype lowBlock = -1, highBlock = -1, lowGroup = -1, highGroup = -1;
    const auto scan = [&](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i) {
            if (v[i] < low) {
                low = v[i];
                mn = i;
                lowBlock = lowGroup = -1;
            }
            if (v[i] > high) {
                high = v[i];
                mx = i;
                highBlock = highGroup = -1;
            }
        }
    };
    const auto takeBlocks = [&](qsizetype from, qsizetype to) {
        for (qsizetype k = from; k < to; ++k) {
            const Block &block = m_blocks[size_t(k)];
            if (block.nonFinite) {
                scan(k * B, (k + 1) * B); // NaNs never compare: skipped as one by one
                continue;
            }
            if (block.min < low) {
                low = block.min;
                lowBlock = k;
                lowGroup = -1;
            }
            if (block.max > high) {
                high = block.max;
                highBlock = k;
                highGroup = -1;
            }
        }
    };
    const qsizetype kFirst = (a + B) / B; // first block starting at or after a + 1
    const qsizetype kEnd = b / B;         // blocks before this one end at or before b
    if (kEnd <= kFirst) {
        scan(a + 1, b);
        return;
    }
    scan(a + 1, kFirst * B);
    const qsizetype gFirst = (kFirst + kBlocksPerGroup - 1) / kBlocksPerGroup;
    const qsizetype gEnd = kEnd / kBlocksPerGroup;
    if (gEnd <= gFirst) {
        takeBlocks(kFirst, kEnd);
    } else {
        takeBlocks(kFirst, gFirst * kBlocksPerGroup);
        for (qsizetype g = gFirst; g < gEnd; ++g) {
            const Block &group = m_groups[size_t(g)];
            if (group.nonFinite) {
                takeBlocks(g * kBlocksPerGroup, (g + 1) * kBlocksPerGroup);
                continue;
            }
            if (group.min < low) {
                low = group.min;
                lowGroup = g;
                lowBlock = -1;
            }
            if (group.max > high) {
                high = group.max;
                highGroup = g;
                highBlock = -1;
            }
        }
        takeBlocks(gEnd * kBlocksPerGroup, kEnd);
    }
    scan(kEnd * B, b);
    const auto firstBlockOf = [&](qsizetype group, double value, bool isMin) {
        for (qsizetype k = group * kBlocksPerGroup;; ++k)
            if ((isMin ? m_blocks[size_t(k)].min : m_blocks[size_t(k)].max) == value)
                return k; // the group's extreme is one of its blocks': always found
    };
    if (lowGroup >= 0)
        lowBlock = firstBlockOf(lowGroup, low, true);
    if (highGroup >= 0)
        highBlock = firstBlockOf(highGroup, high, false);
    if (lowBlock >= 0)
        mn = firstIndexOf(lowBlock, low);
    if (highBlock >= 0)
        mx = firstIndexOf(highBlock, high);
}

QVector<QPointF> M4Index::reduce(const SeriesData &data, qint64 xMinMs, qint64 xMaxMs, int pixelWidth,
                                 qint64 gapMs) {
    if (!attach(data))
        return m4Downsample(data.timestampsMs.constData(), data.values.constData(),
                            std::min(data.timestampsMs.size(), data.values.size()), xMinMs, xMaxMs,
                            pixelWidth, gapMs);
    QVector<QPointF> out;
    const qint64 *t = m_t.constData();
    const double *v = m_v.constData();
    const qsizetype n = std::min(m_t.size(), m_v.size());
    qsizetype lo = 0, hi = 0;
    if (pixelWidth <= 0 || xMaxMs <= xMinMs || !sliceOf(t, n, xMinMs, xMaxMs, lo, hi))
        return out;

    out.reserve(std::min<qsizetype>(hi - lo + 8, qsizetype(pixelWidth) * 4 + 8));
    const double span = double(xMaxMs - xMinMs);
    // m4Downsample's column formula, verbatim: the same double operations give the same column.
    const auto column = [&](qsizetype i) {
        return qint64(std::floor(double(t[i] - xMinMs) / span * pixelWidth));
    };
    const auto emitColumn = [&](qsizetype a, qsizetype b) {
        qsizetype mn = a, mx = a;
        minMax(a, b, mn, mx);
        qsizetype picks[4] = {a, mn, mx, b - 1};
        std::sort(std::begin(picks), std::end(picks));
        qsizetype previous = -1;
        for (qsizetype p : picks) {
            if (p != previous)
                out.append(QPointF(double(t[p]), v[p]));
            previous = p;
        }
    };

    // Runs between gaps, each cut into pixel columns. A gap starts a new column even inside the
    // same pixel column, as in m4Downsample.
    for (qsizetype s = lo; s < hi;) {
        const qsizetype e = gapMs > 0 ? nextGap(s, hi, gapMs) : hi;
        for (qsizetype a = s; a < e;) {
            const qint64 c = column(a);
            // Gallop, then bisect, for the first index past column c (columns never decrease).
            qsizetype known = a, step = 1, probe = a + 1;
            while (probe < e && column(probe) <= c) {
                known = probe;
                step *= 2;
                probe = a + step;
            }
            qsizetype left = known + 1, right = std::min(probe, e);
            while (left < right) {
                const qsizetype mid = left + (right - left) / 2;
                if (column(mid) <= c)
                    left = mid + 1;
                else
                    right = mid;
            }
            emitColumn(a, left);
            a = left;
        }
        if (e < hi)
            out.append(QPointF(double(t[e - 1] + (t[e] - t[e - 1]) / 2), kNaN));
        s = e;
    }
    return out;
}

bool M4Index::extent(const SeriesData &data, qint64 xMinMs, qint64 xMaxMs, double *min, double *max) {
    const bool blocks = attach(data);
    const qint64 *t = data.timestampsMs.constData();
    const double *v = data.values.constData();
    const qsizetype n = std::min(data.timestampsMs.size(), data.values.size());
    qsizetype lo = 0, hi = 0;
    if (n <= 0 || xMaxMs <= xMinMs || !sliceOf(t, n, xMinMs, xMaxMs, lo, hi))
        return false;
    FiniteRange range;
    const auto scan = [&](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i)
            range.take(v[i]);
    };
    const auto takeBlocks = [&](qsizetype from, qsizetype to) {
        for (qsizetype k = from; k < to; ++k) {
            const Block &block = m_blocks[size_t(k)];
            if (block.nonFinite) {
                scan(k * B, (k + 1) * B);
            } else {
                range.take(block.min);
                range.take(block.max);
            }
        }
    };
    const qsizetype kFirst = (lo + B - 1) / B;
    const qsizetype kEnd = hi / B;
    if (!blocks || kEnd <= kFirst) {
        scan(lo, hi);
    } else {
        // Points, then blocks, then groups of kBlocksPerGroup blocks, and back down.
        const qsizetype gFirst = (kFirst + kBlocksPerGroup - 1) / kBlocksPerGroup;
        const qsizetype gEnd = kEnd / kBlocksPerGroup;
        scan(lo, kFirst * B);
        if (gEnd <= gFirst) {
            takeBlocks(kFirst, kEnd);
        } else {
            takeBlocks(kFirst, gFirst * kBlocksPerGroup);
            for (qsizetype g = gFirst; g < gEnd; ++g) {
                const Block &group = m_groups[size_t(g)];
                if (group.nonFinite) {
                    takeBlocks(g * kBlocksPerGroup, (g + 1) * kBlocksPerGroup);
                } else {
                    range.take(group.min);
                    range.take(group.max);
                }
            }
            takeBlocks(gEnd * kBlocksPerGroup, kEnd);
        }
        scan(kEnd * B, hi);
    }
    if (!range.any)
        return false;
    *min = range.min;
    *max = range.max;
    return true;
}

} // namespace mlwatch
