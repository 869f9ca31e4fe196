#include "core/model/unit.h"

#include "core/model/unit_registry.h"

namespace mlwatch {

DisplayUnit displayUnitFor(Unit raw) {
    return UnitRegistry::displayUnit(raw);
}

QString cloudWatchUnitName(Unit unit) {
    switch (unit) {
    case Unit::None:
        return QStringLiteral("None");
    case Unit::Count:
        return QStringLiteral("Count");
    case Unit::Percent:
        return QStringLiteral("Percent");
    case Unit::Microseconds:
        return QStringLiteral("Microseconds");
    case Unit::Milliseconds:
        return QStringLiteral("Milliseconds");
    case Unit::Seconds:
        return QStringLiteral("Seconds");
    case Unit::Bytes:
        return QStringLiteral("Bytes");
    case Unit::CountPerSecond:
        return QStringLiteral("Count/Second");
    case Unit::Fraction:
        return QStringLiteral("Fraction"); // MLWatch's own: CloudWatch has no fraction unit
    }
    return QStringLiteral("None");
}

Unit unitFromCloudWatchName(const QString &name) {
    for (Unit u : {Unit::None, Unit::Count, Unit::Percent, Unit::Microseconds, Unit::Milliseconds,
                   Unit::Seconds, Unit::Bytes, Unit::CountPerSecond, Unit::Fraction}) {
        if (cloudWatchUnitName(u).compare(name, Qt::CaseInsensitive) == 0)
            return u;
    }
    return Unit::None;
}

QString azureUnitName(Unit unit) {
    switch (unit) {
    case Unit::None:
        return QStringLiteral("Unspecified");
    case Unit::Count:
        return QStringLiteral("Count");
    case Unit::Percent:
        return QStringLiteral("Percent");
    case Unit::Microseconds:
        return QString();
    case Unit::Milliseconds:
        return QStringLiteral("MilliSeconds");
    case Unit::Seconds:
        return QStringLiteral("Seconds");
    case Unit::Bytes:
        return QStringLiteral("Bytes");
    case Unit::CountPerSecond:
        return QStringLiteral("CountPerSecond");
    case Unit::Fraction:
        return QString(); // Azure reports percentages, never fractions
    }
    return QString();
}

Unit unitFromAzureName(const QString &name) {
    for (Unit u :
         {Unit::Count, Unit::Percent, Unit::Milliseconds, Unit::Seconds, Unit::Bytes, Unit::CountPerSecond}) {
        if (azureUnitName(u).compare(name, Qt::CaseInsensitive) == 0)
            return u;
    }
    return Unit::None;
}

} // namespace mlwatch
