#pragma once

#include "error.h"
#include "types.h"

#include <QByteArray>
#include <QDateTime>
#include <stdexcept>

namespace idesk {

inline constexpr char kIncidentSchema[] = "incidentdesk.incident/1";

// A malformed or truncated incident document: where it broke and what was expected.
class FormatError : public Error
{
public:
    FormatError(QString origin, QString where, QString expected);
    const QString &origin() const { return m_origin; }
    const QString &where() const { return m_where; }
    const QString &expected() const { return m_expected; }

private:
    QString m_origin, m_where, m_expected;
};

// Canonical JSON (stable key order, two-space indent, trailing newline) of a bundle, carrying
// "schema": "incidentdesk.incident/1", its events in timeline order (when they happened, each
// event's revisions together). Export → import → export gives identical bytes.
QByteArray bundleToJson(const IncidentBundle &b);
// Strict parse; throws FormatError naming the byte offset (syntax) or JSON path (content).
// `now` is this machine's clock: a sync stamp more than a day ahead of it is refused.
IncidentBundle bundleFromJson(const QByteArray &json, const QString &origin, const QDateTime &now);

} // namespace idesk
