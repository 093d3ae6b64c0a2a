// The big-memory helpers: which part of a block may be asked for as huge pages.

#include "core/logs/bigmemory.h"

#include <QTest>

using namespace idesk::logs;

class TestLogsBigMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hugePageSpanKeepsInside()
    {
        constexpr std::uintptr_t mb2 = std::uintptr_t(2) << 20;
        using Span = std::pair<std::uintptr_t, std::uintptr_t>;
        // Aligned at both ends: all of it.
        QCOMPARE(hugePageSpan(4 * mb2, 3 * mb2), Span(4 * mb2, 7 * mb2));
        // A malloc'd block starts a little after a page: the first whole huge page is the next.
        QCOMPARE(hugePageSpan(4 * mb2 + 16, 3 * mb2), Span(5 * mb2, 7 * mb2));
        // The tail past the last boundary is left out.
        QCOMPARE(hugePageSpan(4 * mb2, 3 * mb2 - 1), Span(4 * mb2, 6 * mb2));
        // Less than one whole huge page inside: nothing.
        const Span none = hugePageSpan(4 * mb2 + 4096, mb2);
        QCOMPARE(none.first, none.second);
        const Span small = hugePageSpan(4 * mb2, 4096);
        QCOMPARE(small.first, small.second);
        const Span empty = hugePageSpan(4 * mb2 + 1, 0);
        QCOMPARE(empty.first, empty.second);
    }
};

QTEST_GUILESS_MAIN(TestLogsBigMemory)
#include "test_logs_bigmemory.moc"
