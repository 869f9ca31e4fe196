#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace mlwatch {

// Line and column (1-based; the column counts characters, not bytes) of a byte offset in
// UTF-8 `text`: where a JSON parse error is, in terms people can find in an editor.
struct TextPosition {
    int line = 1;
    int column = 1;
};
TextPosition textPositionOf(const QByteArray &text, qsizetype offset);

// Parses `json` as one JSON object. On malformed JSON the error (ErrorCode::BadArgument) says
// "<what>: line L, column C: <Qt's reason>"; a document that is not an object is refused too.
Result<QJsonObject> readJsonObject(const QByteArray &json, const QString &what);

// Reads a whole (small) file and parses it with readJsonObject; I/O errors are ErrorCode::Io.
Result<QJsonObject> readJsonObjectFile(const QString &path, qint64 maxBytes = 16 * 1024 * 1024);

} // namespace mlwatch
