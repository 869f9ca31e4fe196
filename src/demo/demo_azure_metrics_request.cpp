#include "demo/demo_azure_metrics_request.h"

#include <algorithm>
#include <tuple>

namespace mlwatch::demo {

namespace {

constexpr qint64 kHourMs = 3600 * 1000;
constexpr int kMaxMetricNames = 20;

DemoError badRequest(const QString &message) {
    return DemoError{400, QStringLiteral("BadRequest"), message, true};
}

DemoError invalidTimespan(const QString &text) {
    return badRequest(
        QStringLiteral("Detected invalid time interval input: %1, supported Iso 8601 time interval "
                       "format: (Datetime/Datetime, Datetime/Duration, Duration/Datetime, Duration)")
            .arg(text));
}

// ISO 8601 interval: start/end, start/duration, duration/end, or a duration up to now.
std::optional<std::pair<qint64, qint64>> parseTimespan(const QString &text, qint64 nowMs) {
    const QStringList parts = text.split(QLatin1Char('/'));
    if (parts.size() == 1) {
        const std::optional<qint64> d = DemoAzureWire::parseDuration(parts.at(0));
        if (!d)
            return std::nullopt;
        return std::make_pair(nowMs - *d, nowMs);
    }
    if (parts.size() != 2)
        return std::nullopt;
    const std::optional<qint64> a = DemoAzureWire::parseDateTime(parts.at(0));
    const std::optional<qint64> b = DemoAzureWire::parseDateTime(parts.at(1));
    if (a && b)
        return std::make_pair(*a, *b);
    if (a) {
        if (const std::optional<qint64> d = DemoAzureWire::parseDuration(parts.at(1)))
            return std::make_pair(*a, *a + *d);
    }
    if (b) {
        if (const std::optional<qint64> d = DemoAzureWire::parseDuration(parts.at(0)))
            return std::make_pair(*b - *d, *b);
    }
    return std::nullopt;
}

// Everything the two APIs share: interval, names, aggregations, namespace, filter, top, flags.
std::optional<DemoError> readCommon(DemoAzureMetricsRequest &r, const DemoAzureParams &p,
                                    const QString &filterName) {
    if (const std::optional<QString> interval = p.value(u"interval"); interval && !interval->isEmpty()) {
        if (interval->compare(QLatin1String("FULL"), Qt::CaseInsensitive) == 0) {
            r.grainMs.reset();
        } else {
            r.grainMs = DemoAzureWire::parseDuration(*interval);
            if (!r.grainMs)
                return badRequest(QStringLiteral("Detected invalid time grain input: %1, supported Iso 8601 "
                                                 "duration format or FULL")
                                      .arg(*interval));
        }
    }
    if (const std::optional<QString> names = p.value(u"metricnames"); names && !names->isEmpty()) {
        for (QString name : names->split(QLatin1Char(','))) {
            // A comma inside a name travels as "%2" (after URL decoding).
            name.replace(QLatin1String("%2"), QLatin1String(","));
            r.metricNames.append(name);
        }
        if (r.metricNames.size() > kMaxMetricNames)
            return badRequest(QStringLiteral("Requested metrics count: %1 bigger than allowed max: %2")
                                  .arg(r.metricNames.size())
                                  .arg(kMaxMetricNames));
    }
    static const QStringList known{QStringLiteral("average"), QStringLiteral("minimum"),
                                   QStringLiteral("maximum"), QStringLiteral("total"),
                                   QStringLiteral("count")};
    if (const std::optional<QString> aggregation = p.value(u"aggregation");
        aggregation && !aggregation->isEmpty()) {
        for (const QString &a : aggregation->split(QLatin1Char(','))) {
            const QString lower = a.trimmed().toLower();
            if (!known.contains(lower))
                return badRequest(QStringLiteral("Invalid aggregation type: %1, supported ones are: "
                                                 "Average,Minimum,Maximum,Total,Count")
                                      .arg(a));
            if (!r.aggregations.contains(lower))
                r.aggregations.append(lower);
        }
    }
    r.metricNamespace = p.value(u"metricnamespace").value_or(QString());
    if (const std::optional<QString> filter = p.value(filterName); filter && !filter->trimmed().isEmpty()) {
        const DemoOutcome<QList<DemoAzureFilterTerm>> parsed = DemoAzureMetricsRequest::parseFilter(*filter);
        if (!parsed.ok())
            return parsed.error();
        r.filter = parsed.value();
    }
    if (const std::optional<QString> top = p.value(u"top")) {
        bool ok = false;
        r.top = top->toInt(&ok);
        if (!ok || r.top < 1)
            return badRequest(
                QStringLiteral("Invalid top value: %1, it must be a positive integer").arg(*top));
    }
    if (const std::optional<QString> orderBy = p.value(u"orderby");
        orderBy && !orderBy->trimmed().isEmpty()) {
        const QStringList words = orderBy->trimmed().toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const bool directionOk =
            words.size() == 1 || (words.size() == 2 && (words.at(1) == QLatin1String("asc") ||
                                                        words.at(1) == QLatin1String("desc")));
        const QString key = words.at(0) == QLatin1String("sum") ? QStringLiteral("total") : words.at(0);
        if (!directionOk || !known.contains(key))
            return badRequest(QStringLiteral("Invalid orderby value: %1").arg(*orderBy));
        r.orderBy = key;
        r.ascending = words.size() == 2 && words.at(1) == QLatin1String("asc");
    }
    r.autoAdjustTimegrain = p.value(u"AutoAdjustTimegrain")
                                .value_or(QString())
                                .compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    r.validateDimensions = p.value(u"ValidateDimensions")
                               .value_or(QString())
                               .compare(QLatin1String("false"), Qt::CaseInsensitive) != 0;
    r.metadataOnly =
        p.value(u"resultType").value_or(QString()).compare(QLatin1String("Metadata"), Qt::CaseInsensitive) ==
        0;
    return std::nullopt;
}

struct Token {
    enum Kind { Word, Quoted } kind;
    QString text;
};

std::optional<QList<Token>> tokenize(const QString &text) {
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace() || c == u'(' || c == u')') {
            ++i;
        } else if (c == u'\'') {
            QString value;
            ++i;
            bool closed = false;
            while (i < text.size()) {
                if (text.at(i) == u'\'') {
                    if (i + 1 < text.size() && text.at(i + 1) == u'\'') {
                        value += u'\'';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                value += text.at(i++);
            }
            if (!closed)
                return std::nullopt;
            tokens.append({Token::Quoted, value});
        } else {
            const qsizetype start = i;
            while (i < text.size() && !text.at(i).isSpace() && text.at(i) != u'\'' && text.at(i) != u'(' &&
                   text.at(i) != u')')
                ++i;
            tokens.append({Token::Word, text.mid(start, i - start)});
        }
    }
    return tokens;
}

} // namespace

DemoOutcome<QList<DemoAzureFilterTerm>> DemoAzureMetricsRequest::parseFilter(const QString &text) {
    const auto invalid = [&text](const QString &why) {
        return badRequest(QStringLiteral("Invalid filter: %1 (%2)").arg(text, why));
    };
    const std::optional<QList<Token>> tokens = tokenize(text);
    if (!tokens)
        return invalid(QStringLiteral("unterminated quote"));
    QList<DemoAzureFilterTerm> terms;
    QString previousDimension;
    QString connector;
    qsizetype i = 0;
    while (i < tokens->size()) {
        if (i + 3 > tokens->size())
            return invalid(QStringLiteral("expected: <dimension> eq '<value>'"));
        const Token &name = tokens->at(i);
        const Token &op = tokens->at(i + 1);
        const Token &value = tokens->at(i + 2);
        const QString lowerOp = op.text.toLower();
        if (name.kind != Token::Word || op.kind != Token::Word || value.kind != Token::Quoted ||
            (lowerOp != QLatin1String("eq") && lowerOp != QLatin1String("sw")))
            return invalid(QStringLiteral("expected: <dimension> eq '<value>'"));
        if (connector == QLatin1String("or") &&
            name.text.compare(previousDimension, Qt::CaseInsensitive) != 0)
            return invalid(QStringLiteral("'or' can only join values of the same dimension"));
        auto it = std::find_if(terms.begin(), terms.end(), [&name](const DemoAzureFilterTerm &t) {
            return t.dimension.compare(name.text, Qt::CaseInsensitive) == 0;
        });
        if (it == terms.end()) {
            terms.append({name.text, {}, {}, false});
            it = terms.end() - 1;
        }
        if (lowerOp == QLatin1String("sw"))
            it->prefixes.append(value.text);
        else if (value.text == QLatin1String("*"))
            it->all = true;
        else
            it->values.append(value.text);
        previousDimension = name.text;
        i += 3;
        if (i == tokens->size())
            break;
        connector = tokens->at(i).text.toLower();
        if (tokens->at(i).kind != Token::Word ||
            (connector != QLatin1String("and") && connector != QLatin1String("or")) ||
            i + 1 == tokens->size())
            return invalid(QStringLiteral("expected 'and' or 'or' between conditions"));
        ++i;
    }
    return terms;
}

DemoOutcome<DemoAzureMetricsRequest> DemoAzureMetricsRequest::fromArm(const DemoAzureParams &params,
                                                                      qint64 nowMs) {
    DemoAzureMetricsRequest r;
    r.startMs = nowMs - kHourMs;
    r.endMs = nowMs;
    if (const std::optional<QString> timespan = params.value(u"timespan"); timespan && !timespan->isEmpty()) {
        const auto span = parseTimespan(*timespan, nowMs);
        if (!span || span->first >= span->second)
            return invalidTimespan(*timespan);
        std::tie(r.startMs, r.endMs) = *span;
    }
    if (std::optional<DemoError> e = readCommon(r, params, QStringLiteral("$filter")))
        return *e;
    return r;
}

DemoOutcome<DemoAzureMetricsRequest> DemoAzureMetricsRequest::fromBatch(const DemoAzureParams &params,
                                                                        qint64 nowMs) {
    DemoAzureMetricsRequest r;
    const std::optional<QString> start = params.value(u"starttime");
    const std::optional<QString> end = params.value(u"endtime");
    if (end && !start)
        return badRequest(QStringLiteral("starttime is required when endtime is specified."));
    r.startMs = nowMs - kHourMs;
    r.endMs = nowMs;
    if (start) {
        const std::optional<qint64> s = DemoAzureWire::parseDateTime(*start);
        const std::optional<qint64> e =
            end ? DemoAzureWire::parseDateTime(*end) : std::optional<qint64>(nowMs);
        if (!s || !e || *s >= *e)
            return invalidTimespan(*start + QLatin1Char('/') + end.value_or(QString()));
        r.startMs = *s;
        r.endMs = *e;
    }
    for (const char16_t *required : {u"metricnamespace", u"metricnames"}) {
        if (params.value(required).value_or(QString()).isEmpty())
            return badRequest(
                QStringLiteral("The query parameter '%1' is required.").arg(QStringView(required)));
    }
    if (std::optional<DemoError> e = readCommon(r, params, QStringLiteral("filter")))
        return *e;
    return r;
}

} // namespace mlwatch::demo
