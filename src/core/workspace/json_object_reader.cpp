#include "core/workspace/json_object_reader.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace mlwatch {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::JsonObjectReader", text);
}
} // namespace

TextPosition textPositionOf(const QByteArray &text, qsizetype offset) {
    TextPosition pos;
    const qsizetype end = std::min(offset, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text.at(i));
        if (c == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((c & 0xC0) != 0x80) { // count characters: skip UTF-8 continuation bytes
            ++pos.column;
        }
    }
    return pos;
}

Result<QJsonObject> readJsonObject(const QByteArray &json, const QString &what) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        const TextPosition pos = textPositionOf(json, error.offset);
        return Error{ErrorCode::BadArgument,
                     tr("%1: malformed JSON at line %2, column %3: %4.")
                         .arg(what)
                         .arg(pos.line)
                         .arg(pos.column)
                         .arg(error.errorString()),
                     QString()};
    }
    if (!doc.isObject())
        return Error{ErrorCode::BadArgument, tr("%1: expected a JSON object.").arg(what), QString()};
    return doc.object();
}

Result<QJsonObject> readJsonObjectFile(const QString &path, qint64 maxBytes) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("Cannot read %1.").arg(path), file.errorString()};
    if (file.size() > maxBytes)
        return Error{ErrorCode::BadArgument,
                     tr("%1 is too large (more than %2 bytes).").arg(path).arg(maxBytes), QString()};
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error{ErrorCode::Io, tr("Cannot read %1.").arg(path), file.errorString()};
    return readJsonObject(bytes, path);
}

} // namespace mlwatch
