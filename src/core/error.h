#pragma once

#include <QMetaType>
#include <QString>
#include <stdexcept>

namespace idesk {

// What every layer throws and every face shows: one type, so the window can show and log an
// error from any tab the same way and storage types never need to be named above the services.
// message is for the user ("Could not save the impact"); detail is what went wrong underneath
// (SQLite's text, the file and JSON path), shown beside it and always logged.
class Error : public std::runtime_error
{
public:
    enum class Kind
    {
        Storage,  // the database could not be opened, read or written
        Busy,     // another program held the database longer than the busy timeout
        NotFound, // the incident or event is gone
        Conflict, // e.g. importing an incident id that already exists
        Format,   // a file (export, profile) is not what it should be
        File,     // reading or writing a file failed
        Other,
    };

    Error(Kind kind, QString message, QString detail = {})
        : std::runtime_error(
              (detail.isEmpty() ? message : message + QStringLiteral(": ") + detail).toStdString()),
          m_kind(kind), m_message(std::move(message)), m_detail(std::move(detail))
    {}
    Error() : Error(Kind::Other, {}) {}

    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }
    const QString &detail() const { return m_detail; }
    // The same error told as the failure of `what` the user tried: the old message becomes
    // the detail.
    Error during(const QString &what) const
    {
        return {m_kind, what,
                m_detail.isEmpty() ? m_message : m_message + QStringLiteral(": ") + m_detail};
    }
    // "message: detail", or the message alone.
    QString text() const
    {
        return m_detail.isEmpty() ? m_message : m_message + QStringLiteral(": ") + m_detail;
    }

private:
    Kind m_kind;
    QString m_message;
    QString m_detail;
};

} // namespace idesk

Q_DECLARE_METATYPE(idesk::Error)
