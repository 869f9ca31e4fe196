#include "core/net/http_types.h"

namespace mlwatch {

QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name) {
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value) {
    for (auto &[key, existing] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            existing = value;
            return;
        }
    }
    headers.append({name, value});
}

} // namespace mlwatch
