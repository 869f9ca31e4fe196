#pragma once

#include "core/common/error.h"

namespace mlwatch::cli {

// A usage error: exit status 2, the message as the command's one stderr line.
inline Error badArgument(const QString &message) {
    return Error{ErrorCode::BadArgument, message, QString()};
}

} // namespace mlwatch::cli
