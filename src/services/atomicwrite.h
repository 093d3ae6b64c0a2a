#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace idesk {

// Writes bytes to path through a temporary file beside it that replaces the file only once it
// is complete and synced (QSaveFile): an export that fails half-way, or cannot be written at
// all, leaves the old file exactly as it was. Returns the reason on failure (kind File: the
// message names the file, the detail says why).
std::optional<Error> writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace idesk
