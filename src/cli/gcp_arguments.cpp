#include "cli/gcp_arguments.h"

#include "cli/cli_error.h"
#include "core/providers/gcp/gcp_time_series_request.h"

#include <QRegularExpression>

#include <optional>

namespace mlwatch::cli {

namespace {

// One `NAME = "VALUE"` clause of a filter, read from `text` at `pos` (which it advances).
struct Clause {
    QString name;
    QString value;
};

void skipSpaces(const QString &text, qsizetype &pos) {
    while (pos < text.size() && text.at(pos).isSpace())
        ++pos;
}

// A quoted filter string ("…", '\' escapes the next character); nullopt when unterminated.
std::optional<QString> readQuoted(const QString &text, qsizetype &pos) {
    if (pos >= text.size() || text.at(pos) != QLatin1Char('"'))
        return std::nullopt;
    QString value;
    for (qsizetype i = pos + 1; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            value += text.at(++i);
        } else if (c == QLatin1Char('"')) {
            pos = i + 1;
            return value;
        } else {
            value += c;
        }
    }
    return std::nullopt;
}

Error filterError(const QString &what) {
    return badArgument(
        GcpArguments::tr("--filter: %1. Write clauses joined by AND, each resource.type = \"TYPE\", "
                         "metric.labels.KEY = \"VALUE\" or resource.labels.KEY = \"VALUE\" (the metric type "
                         "goes in --metric-type, splits in --group-by).")
            .arg(what));
}

} // namespace

Result<QString> GcpArguments::project(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return badArgument(tr("Missing --project PROJECT (the project id, e.g. my-ml-project)."));
    // Ids (6–30 of a-z, 0-9, '-'), numbers, and the legacy domain-scoped "example.com:proj".
    static const QRegularExpression kProject(
        QStringLiteral("^(?:[a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$|^[0-9]{1,20}$"));
    const Result<QString> id = gcp::projectOf(trimmed);
    if (!id || !kProject.match(*id).hasMatch())
        return badArgument(tr("--project \"%1\" is not a Google Cloud project id: write the id (e.g. "
                              "my-ml-project, as gcloud projects list shows it) or the project number.")
                               .arg(trimmed));
    return QString(QStringLiteral("projects/") + *id);
}

Result<QString> GcpArguments::metricType(const QString &text) {
    const QString type = text.trimmed();
    if (type.isEmpty())
        return badArgument(tr("Missing --metric-type (e.g. "
                              "aiplatform.googleapis.com/prediction/online/prediction_count)."));
    // A domain, then the path: what Cloud Monitoring's metric types look like. No quotes or
    // spaces, so the type goes into the filter literally.
    static const QRegularExpression kType(
        QStringLiteral("^[A-Za-z0-9_.-]+\\.[A-Za-z]+(?:/[A-Za-z0-9_.-]+)+$"));
    if (!kType.match(type).hasMatch())
        return badArgument(tr("--metric-type \"%1\" is not a Cloud Monitoring metric type: write the full "
                              "type, e.g. aiplatform.googleapis.com/prediction/online/prediction_count.")
                               .arg(type));
    return type;
}

Result<QString> GcpArguments::aggregation(const QString &aligner, const QString &reducer) {
    if (aligner.contains(QLatin1Char('|')) || reducer.contains(QLatin1Char('|')))
        return badArgument(tr("--aligner and --reducer take one name each (e.g. --aligner ALIGN_RATE "
                              "--reducer REDUCE_SUM)."));
    if (!reducer.trimmed().isEmpty() && aligner.trimmed().isEmpty())
        return badArgument(tr("--reducer needs --aligner: Google reduces only aligned series (e.g. "
                              "--aligner ALIGN_RATE --reducer REDUCE_SUM)."));
    const QString stat = aligner.trimmed().isEmpty() ? QStringLiteral("ALIGN_NONE")
                         : reducer.trimmed().isEmpty()
                             ? aligner.trimmed()
                             : aligner.trimmed() + QLatin1Char('|') + reducer.trimmed();
    const Result<gcp::GcpAggregation> parsed = gcp::parseAggregation(stat);
    if (!parsed)
        return badArgument((reducer.trimmed().isEmpty() ? QStringLiteral("--aligner: ")
                                                        : QStringLiteral("--aligner/--reducer: ")) +
                           parsed.error().message);
    if (!parsed->aligns())
        return QStringLiteral("ALIGN_NONE");
    return parsed->reducer.isEmpty() ? parsed->aligner
                                     : QString(parsed->aligner + QLatin1Char('|') + parsed->reducer);
}

Result<int> GcpArguments::period(const QString &text) {
    bool ok = false;
    const int seconds = text.trimmed().toInt(&ok);
    if (!ok || seconds < gcp::kMinAlignmentSeconds)
        return badArgument(tr("--period \"%1\" is not valid: give the alignment period in whole seconds, "
                              "at least %2.")
                               .arg(text)
                               .arg(gcp::kMinAlignmentSeconds));
    return seconds;
}

Result<GcpArguments::Filter> GcpArguments::filter(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return badArgument(tr("--filter: it is empty. Write a Cloud Monitoring filter, e.g. "
                              "resource.labels.endpoint_id = \"123\" OR resource.labels.endpoint_id = "
                              "\"456\"."));
    bool sendAsIs = true;
    Result<Filter> simple = equalities(trimmed, &sendAsIs);
    if (simple || !sendAsIs)
        return simple;
    // Anything else (OR, NOT, parentheses, !=, starts_with(), one_of() …) goes to Google as
    // written, ANDed to the metric type in parentheses: Google's parser is the judge, and its
    // 400 INVALID_ARGUMENT names what it could not read.
    Filter out;
    out.labels.append({QString::fromLatin1(gcp::kUserFilterDimension), trimmed});
    return out;
}

Result<GcpArguments::Filter> GcpArguments::equalities(const QString &trimmed, bool *sendAsIs) {
    Filter out;
    *sendAsIs = true;
    // A mistake in what is otherwise a plain list of equalities: said here, not sent.
    const auto mistake = [sendAsIs](Error error) {
        *sendAsIs = false;
        return error;
    };
    static const QRegularExpression kName(QStringLiteral("\\G[A-Za-z_][A-Za-z0-9_.-]*"));
    static const QRegularExpression kAnd(QStringLiteral("\\G\\s+AND\\s+"),
                                         QRegularExpression::CaseInsensitiveOption);
    qsizetype pos = 0;
    while (true) {
        skipSpaces(trimmed, pos);
        const QRegularExpressionMatch name = kName.match(trimmed, pos);
        if (!name.hasMatch())
            return filterError(tr("expected a name at character %1").arg(pos + 1));
        const QString clauseName = name.captured();
        pos = name.capturedEnd();
        skipSpaces(trimmed, pos);
        if (pos >= trimmed.size() || trimmed.at(pos) != QLatin1Char('=') ||
            (pos + 1 < trimmed.size() && trimmed.at(pos + 1) == QLatin1Char('=')))
            return filterError(tr("%1 must be compared with = to a quoted value").arg(clauseName));
        ++pos;
        skipSpaces(trimmed, pos);
        const std::optional<QString> value = readQuoted(trimmed, pos);
        if (!value)
            return filterError(tr("the value of %1 must be a string in double quotes").arg(clauseName));

        if (clauseName == QLatin1String("metric.type"))
            return mistake(
                badArgument(tr("--filter: give the metric type with --metric-type, not in the filter.")));
        if (clauseName == QLatin1String("resource.type")) {
            if (!out.resourceType.isEmpty())
                return mistake(filterError(tr("resource.type is given twice")));
            out.resourceType = *value;
        } else {
            const std::optional<gcp::GcpLabelRef> label = gcp::parseLabelName(clauseName);
            if (!label)
                return filterError(tr("%1 is not a label name").arg(clauseName));
            if (*value == QLatin1String("*"))
                return mistake(
                    badArgument(tr("--filter: %1 = \"*\" would match a label whose value is a star; to "
                                   "get one series per value, write --group-by %1.")
                                    .arg(label->filterName())));
            for (const Dimension &d : std::as_const(out.labels))
                if (d.name == label->filterName())
                    return mistake(filterError(tr("%1 is given twice").arg(d.name)));
            out.labels.append({label->filterName(), *value});
        }
        if (pos == trimmed.size())
            break;
        const QRegularExpressionMatch conjunction = kAnd.match(trimmed, pos);
        if (!conjunction.hasMatch())
            return filterError(tr("only AND joins clauses (found \"%1\")")
                                   .arg(trimmed.mid(pos).trimmed().section(QLatin1Char(' '), 0, 0)));
        pos = conjunction.capturedEnd();
    }
    return out;
}

Result<QList<Dimension>> GcpArguments::groupBy(const QStringList &fields, const QList<Dimension> &filtered) {
    QList<Dimension> out;
    for (const QString &field : fields) {
        const std::optional<gcp::GcpLabelRef> label = gcp::parseLabelName(field.trimmed());
        if (!label)
            return badArgument(tr("--group-by \"%1\" is not a label name: write metric.labels.KEY or "
                                  "resource.labels.KEY (e.g. resource.labels.endpoint_id).")
                                   .arg(field));
        const QString name = label->filterName();
        for (const Dimension &d : filtered)
            if (d.name == name)
                return badArgument(
                    tr("--group-by %1: the filter already fixes that label to one value.").arg(name));
        for (const Dimension &d : std::as_const(out))
            if (d.name == name)
                return badArgument(tr("--group-by %1 was given twice.").arg(name));
        out.append({name, QStringLiteral("*")});
    }
    return out;
}

} // namespace mlwatch::cli
