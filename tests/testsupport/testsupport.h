#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace idesk::test {

// Puts QStandardPaths and QSettings into test mode, so tests never touch the user's files.
void enterTestMode();

// The throwaway PostgreSQL server scripts/test starts: a libpq conninfo for a superuser on it
// (IDESK_TEST_PG), or empty when there is none.
QString pgConninfo();
// IDESK_TEST_PG_REQUIRED=1: the test script started a server, so a test that finds none fails.
bool pgRequired();

// In a test function: without a server it fails when one was promised (pgRequired()) and skips
// otherwise. The including test needs <QTest>.
#define IDESK_NEED_PG()                                                                            \
    do {                                                                                           \
        if (::idesk::test::pgConninfo().isEmpty()) {                                               \
            if (::idesk::test::pgRequired())                                                       \
                QFAIL("IDESK_TEST_PG_REQUIRED is set but IDESK_TEST_PG is empty: the test "        \
                      "script did not start PostgreSQL");                                          \
            QSKIP("No PostgreSQL: set IDESK_TEST_PG (scripts/test does)");                         \
        }                                                                                          \
    } while (false)

// A private folder per test; files in it vanish with it.
class TempDir
{
public:
    TempDir();
    QString path() const { return m_dir.path(); }
    QString file(const QString &name) const { return m_dir.filePath(name); }
    void write(const QString &name, const QByteArray &bytes) const;

private:
    QTemporaryDir m_dir;
};

QByteArray readFile(const QString &path);

// The test's data folder in the source tree (tests/<area>/data). Each test executable compiles
// it in (see idesk_add_test), so a run outside CTest finds the same files.
QString sourceDataDir();
// A file in the test data folder: CTest's IDESK_TEST_DATA when set, else sourceDataDir().
QString testDataPath(const QString &relative);

// Compares `actual` with the golden file `name` in the data folder, line by line first so a
// failure names the first line that differs. With IDESK_UPDATE_GOLDEN=1 it writes `actual` into
// the source tree instead and fails the test: an update run must never pass silently. Callers
// check QTest::currentTestFailed() before going on.
void compareGolden(const QByteArray &actual, const QString &name);

// An environment for a spawned binary with HOME and every XDG folder inside `root`, so the
// program neither reads the user's settings nor writes to their logs and data.
QProcessEnvironment privateEnvironment(const QString &root);

// What a spawned program printed and returned; code is -1 when it crashed or hung.
struct ProcessResult
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

// Runs `program` to its end (at most 30 s) with the given environment.
ProcessResult runProcess(const QString &program, const QStringList &args,
                         const QProcessEnvironment &env);

// Overwrites the cell pointers of `count` b-tree pages in the middle of the SQLite file at
// `path`, leaving page 1 (the header), the page count and the file size as they were: only a
// check that reads every page can tell. Returns how many pages it damaged (0 when the file has
// too few b-tree pages in its middle).
int damageMiddlePages(const QString &path, int count = 3);

} // namespace idesk::test
