#pragma once

#include <QString>
#include <libpq-fe.h>
#include <utility>

// libpq is loaded when it is first needed, not with the program. Linked in, it and the TLS,
// Kerberos and LDAP libraries it pulls in are mapped and relocated before main() on every start
// of the window (several milliseconds of a cold start of about sixty), while most sessions
// never sync and never run an SQL check. Code calls the functions below as pq::PQexec(…): the
// same names and signatures as libpq's own, resolved from the library on first use.
namespace idesk::pq {

// Loads libpq once (safe from any thread). Empty once it is loaded, else a sentence saying why
// it could not be. Every way into PostgreSQL checks this before its first pq:: call.
QString loadError();

// The libpq function of that name. Called only after loadError() came back empty: a missing
// library or symbol there ends the process, as the dynamic loader would have at start.
void *symbol(const char *name);

#define IDESK_PQ_FUNCTION(name)                                                                    \
    template<typename... Args> inline auto name(Args &&...args)                                    \
    {                                                                                              \
        static const auto fn = reinterpret_cast<decltype(&::name)>(symbol(#name));                 \
        return fn(std::forward<Args>(args)...);                                                    \
    }

IDESK_PQ_FUNCTION(PQbackendPID)
IDESK_PQ_FUNCTION(PQcancel)
IDESK_PQ_FUNCTION(PQclear)
IDESK_PQ_FUNCTION(PQcmdStatus)
IDESK_PQ_FUNCTION(PQcmdTuples)
IDESK_PQ_FUNCTION(PQconnectPoll)
IDESK_PQ_FUNCTION(PQconnectStart)
IDESK_PQ_FUNCTION(PQconnectdbParams)
IDESK_PQ_FUNCTION(PQconninfoFree)
IDESK_PQ_FUNCTION(PQconninfoParse)
IDESK_PQ_FUNCTION(PQconsumeInput)
IDESK_PQ_FUNCTION(PQerrorMessage)
IDESK_PQ_FUNCTION(PQexec)
IDESK_PQ_FUNCTION(PQexecParams)
IDESK_PQ_FUNCTION(PQfinish)
IDESK_PQ_FUNCTION(PQfname)
IDESK_PQ_FUNCTION(PQfreeCancel)
IDESK_PQ_FUNCTION(PQfreemem)
IDESK_PQ_FUNCTION(PQgetCancel)
IDESK_PQ_FUNCTION(PQgetResult)
IDESK_PQ_FUNCTION(PQgetisnull)
IDESK_PQ_FUNCTION(PQgetlength)
IDESK_PQ_FUNCTION(PQgetvalue)
IDESK_PQ_FUNCTION(PQisBusy)
IDESK_PQ_FUNCTION(PQlibVersion)
IDESK_PQ_FUNCTION(PQnfields)
IDESK_PQ_FUNCTION(PQnotifies)
IDESK_PQ_FUNCTION(PQntuples)
IDESK_PQ_FUNCTION(PQputCopyData)
IDESK_PQ_FUNCTION(PQputCopyEnd)
IDESK_PQ_FUNCTION(PQresultErrorField)
IDESK_PQ_FUNCTION(PQresultErrorMessage)
IDESK_PQ_FUNCTION(PQresultStatus)
IDESK_PQ_FUNCTION(PQsendQueryParams)
IDESK_PQ_FUNCTION(PQsetNoticeProcessor)
IDESK_PQ_FUNCTION(PQsocket)
IDESK_PQ_FUNCTION(PQstatus)

#undef IDESK_PQ_FUNCTION

} // namespace idesk::pq
