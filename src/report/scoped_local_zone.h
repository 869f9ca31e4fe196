#pragma once

#include <QByteArray>
#include <QTimeZone>

namespace mlwatch {

// Makes `zone` the process's local zone for the lifetime of the object, then puts the previous
// one back. Why: the chart renderer labels its time axis in local time (Qt Charts'
// QDateTimeAxis knows no other zone), while a report states its own zone, which may differ
// from the desktop's. Qt re-reads TZ (tzset) on every local-time conversion, so the change takes
// effect at once and is undone just as fast.
//
// Contract: GUI thread only, and nothing may spin the event loop while it is alive (other
// windows would briefly draw in the report's zone). Only IANA ids are applied (":" + id, read
// from the zoneinfo files); anything else leaves the local zone as it is and isApplied() false.
class ScopedLocalZone {
public:
    explicit ScopedLocalZone(const QTimeZone &zone);
    ~ScopedLocalZone();
    ScopedLocalZone(const ScopedLocalZone &) = delete;
    ScopedLocalZone &operator=(const ScopedLocalZone &) = delete;

    bool isApplied() const { return m_applied; }

private:
    bool m_applied = false;
    bool m_hadTz = false;
    QByteArray m_previousTz;
};

} // namespace mlwatch
