#pragma once

#include "core/profile.h"

namespace idesk {

// Reads a profile file and parses it; core only parses bytes. Throws ProfileError (also for an
// unreadable or oversized file, path "$").
Profile loadProfileFile(const QString &path);

} // namespace idesk
