#include "gui/duration_spin_box.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <limits>
#include <optional>

namespace mlwatch {

namespace {

constexpr int kMinute = 60;
constexpr int kHour = 3600;
constexpr int kDay = 86400;

} // namespace

DurationSpinBox::DurationSpinBox(QWidget *parent)
    : QSpinBox(parent) {
    setAccelerated(true);
}

QString DurationSpinBox::formatSeconds(int seconds) const {
    const QLocale l = locale();
    if (seconds != 0 && seconds % kDay == 0)
        return tr("%1 d").arg(l.toString(seconds / kDay));
    if (seconds != 0 && seconds % kHour == 0)
        return tr("%1 h").arg(l.toString(seconds / kHour));
    if (seconds != 0 && seconds % kMinute == 0)
        return tr("%1 min").arg(l.toString(seconds / kMinute));
    return tr("%1 s").arg(l.toString(seconds));
}

std::optional<int> DurationSpinBox::parseSeconds(const QString &text) const {
    static const QRegularExpression pattern(QStringLiteral("^\\s*(-?[0-9][0-9.,]*)\\s*(\\S*)\\s*$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double number = locale().toDouble(match.captured(1), &ok);
    if (!ok)
        return std::nullopt;
    const QString unit = match.captured(2);
    // The translated unit words first, then the English ones people type anyway.
    const auto is = [&unit](const QString &translatedForm, const char *english) {
        const QString word = translatedForm.section(QLatin1Char(' '), 1); // "%1 min" → "min"
        return unit.compare(word, Qt::CaseInsensitive) == 0 ||
               unit.compare(QLatin1String(english), Qt::CaseInsensitive) == 0;
    };
    double factor = 0;
    if (unit.isEmpty() || is(tr("%1 s"), "s"))
        factor = 1;
    else if (is(tr("%1 min"), "min"))
        factor = kMinute;
    else if (is(tr("%1 h"), "h"))
        factor = kHour;
    else if (is(tr("%1 d"), "d"))
        factor = kDay;
    else
        return std::nullopt;
    const double seconds = std::round(number * factor);
    if (seconds < double(std::numeric_limits<int>::min()) ||
        seconds > double(std::numeric_limits<int>::max()))
        return std::nullopt;
    return int(seconds);
}

QString DurationSpinBox::textFromValue(int value) const {
    return formatSeconds(value);
}

int DurationSpinBox::valueFromText(const QString &text) const {
    if (!specialValueText().isEmpty() && text == specialValueText())
        return minimum();
    return parseSeconds(text).value_or(value());
}

QValidator::State DurationSpinBox::validate(QString &input, int &pos) const {
    Q_UNUSED(pos);
    if (!specialValueText().isEmpty() && input == specialValueText())
        return QValidator::Acceptable;
    const std::optional<int> seconds = parseSeconds(input);
    if (seconds && *seconds >= minimum() && *seconds <= maximum())
        return QValidator::Acceptable;
    return QValidator::Intermediate; // half-typed: "1", "15 m"
}

} // namespace mlwatch
