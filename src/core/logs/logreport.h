#pragma once

#include "core/logs/loganalyzer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <functional>

namespace idesk::logs {

// The report as `incidentdesk.logreport/1` JSON (UTF-8, keys in the documented order). Bytes that
// are not UTF-8 become U+FFFD; lineNumbers only with withLines.
QByteArray reportToJson(const Report &r, bool withLines);
// The same document handed to sink piece by piece (each piece ends between two entries, so never
// inside a UTF-8 sequence): a report with a million groups is never held whole.
void writeJson(const Report &r, bool withLines, const std::function<void(QByteArrayView)> &sink);

// The report as text: the runbook's three sections under its headings and in its order (answer 3
// ascending, as `tail` prints it), then the templates and the errors per minute. Every log byte
// goes through terminalSafe.
QByteArray reportToText(const Report &r, QByteArrayView match);

// Log text made safe for a terminal: valid UTF-8 stays, invalid bytes become U+FFFD, and control
// characters (C0, DEL, C1) are written as \t, \r, \xNN or \u{NN} so none reaches the terminal raw.
QByteArray terminalSafe(QByteArrayView bytes);

} // namespace idesk::logs
