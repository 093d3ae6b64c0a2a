#pragma once

#include "diagnosticresult.h"

#include <QObject>

namespace idesk::diag {

// One running check. Everything is asynchronous on the thread that owns the job: start()
// returns at once and finished() is emitted exactly once, also after cancel().
class DiagnosticJob : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void start() = 0;
    virtual void cancel() = 0;

Q_SIGNALS:
    void finished(const idesk::diag::DiagnosticResult &result);
};

} // namespace idesk::diag
