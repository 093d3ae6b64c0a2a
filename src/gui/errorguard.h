#pragma once

#include "core/error.h"

#include <utility>

namespace idesk {

// Runs work for a tab: an Error it throws leaves through the tab's errorRaised() signal, which
// the window shows and logs, instead of escaping into Qt's event loop. `what` tells it as the
// failure of what the user tried ("Could not save"). Returns whether the work finished.
template<typename Page, typename Work>
bool reportingErrors(Page *page, Work &&work, const QString &what = {})
{
    try {
        std::forward<Work>(work)();
        return true;
    } catch (const Error &e) {
        Q_EMIT page->errorRaised(what.isEmpty() ? e : e.during(what));
        return false;
    }
}

} // namespace idesk
