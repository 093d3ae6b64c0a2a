#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace idesk::test {

// Puts QStandardPaths and QSettings into test mode, so tests never touch the user's files.
void enterTestMode();

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
// Test data folder (tests/<area>/data) as set by CTest; the source folder fallback for IDEs.
QString testDataPath(const QString &relative);

} // namespace idesk::test
