#include "report/scoped_local_zone.h"

#include <QDateTime>

#include <ctime>

namespace mlwatch {

ScopedLocalZone::ScopedLocalZone(const QTimeZone &zone) {
    const QByteArray id = zone.id();
    // Only IANA ids: an offset id such as "UTC+05:00" would be read by the C library as a POSIX
    // rule with the opposite sign.
    if (!zone.isValid() || id.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(id) || id.contains('+') ||
        (id.contains('-') && id.startsWith("UTC")))
        return;
    m_hadTz = qEnvironmentVariableIsSet("TZ");
    m_previousTz = qgetenv("TZ");
    qputenv("TZ", ':' + id);
    tzset();
    m_applied = true;
}

ScopedLocalZone::~ScopedLocalZone() {
    if (!m_applied)
        return;
    if (m_hadTz)
        qputenv("TZ", m_previousTz);
    else
        qunsetenv("TZ");
    tzset();
}

} // namespace mlwatch
