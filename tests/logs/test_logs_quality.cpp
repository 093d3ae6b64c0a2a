// Template quality on a labelled sample: lines of six kinds of service (a Spring backend, nginx,
// the kubelet, sshd and cron via syslog, PostgreSQL, a JSON-RPC node), each labelled with its
// true event, read raw with no configuration per service. Scored as Loghub scores parsers:
// grouping accuracy (a line counts when its group is exactly the lines of its event) and the
// pairwise F-measure.

#include "core/logs/loganalyzer.h"

#include <QFile>
#include <QMap>
#include <QTest>
#include <set>

using namespace idesk::logs;

class TestLogsQuality : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsMatchTheLabels()
    {
        QFile f(QFINDTESTDATA("data/labelled.tsv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QList<QByteArray> truth;
        QByteArray log;
        for (const QByteArray &row : f.readAll().split('\n')) {
            if (row.isEmpty())
                continue;
            const qsizetype tab = row.indexOf('\t');
            QVERIFY(tab > 0);
            truth << row.left(tab);
            log += row.mid(tab + 1) + '\n';
        }
        QVERIFY(truth.size() >= 300);

        Options opt;
        opt.match = {}; // every line
        opt.withLines = true;
        const Report r = LogAnalyzer::analyze(log, opt);
        QVector<int> predicted(truth.size(), -1);
        for (int t = 0; t < int(r.templates.size()); ++t)
            for (qint64 n : r.templates[size_t(t)].lineNumbers)
                predicted[int(n - 1)] = t;
        QVERIFY(!predicted.contains(-1));

        // Grouping accuracy.
        QMap<QByteArray, std::set<int>> byEvent;
        QMap<int, std::set<int>> byGroup;
        for (int i = 0; i < truth.size(); ++i) {
            byEvent[truth[i]].insert(i);
            byGroup[predicted[i]].insert(i);
        }
        int right = 0;
        for (int i = 0; i < truth.size(); ++i)
            right += byEvent[truth[i]] == byGroup[predicted[i]] ? 1 : 0;
        const double accuracy = double(right) / double(truth.size());

        // Pairwise precision and recall over all pairs of lines.
        qint64 both = 0, samePredicted = 0, sameTrue = 0;
        for (int i = 0; i < truth.size(); ++i)
            for (int j = i + 1; j < truth.size(); ++j) {
                const bool p = predicted[i] == predicted[j];
                const bool t = truth[i] == truth[j];
                both += p && t;
                samePredicted += p;
                sameTrue += t;
            }
        const double precision = samePredicted ? double(both) / double(samePredicted) : 0;
        const double recall = sameTrue ? double(both) / double(sameTrue) : 0;
        const double f1 =
            precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;

        qInfo("%lld lines, %d events, %zu templates: grouping accuracy %.3f, pairwise F %.3f "
              "(precision %.3f, recall %.3f)",
              qint64(truth.size()), int(byEvent.size()), r.templates.size(), accuracy, f1,
              precision, recall);
        for (const Template &t : r.templates)
            qInfo("%6lld  %s", t.count, t.text.constData());
        QVERIFY2(accuracy >= 0.97, qPrintable(QString::number(accuracy)));
        QVERIFY2(f1 >= 0.97, qPrintable(QString::number(f1)));
    }
};

QTEST_GUILESS_MAIN(TestLogsQuality)
#include "test_logs_quality.moc"
