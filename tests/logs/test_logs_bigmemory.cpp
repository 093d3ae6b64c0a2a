// The big-memory helpers: how much a block takes, where it starts, and the byte buffer built
// on them keeping every byte through its growth.

#include "core/logs/bigmemory.h"

#include <QRandomGenerator>
#include <QTest>
#include <memory>
#include <string>

#if defined(__SANITIZE_ADDRESS__)
#define IDESK_TEST_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IDESK_TEST_LSAN 1
#endif
#endif
#if defined(IDESK_TEST_LSAN)
#include <sanitizer/lsan_interface.h>
#endif

using namespace idesk::logs;

class TestLogsBigMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bigSizeRoundsOnlyBigBlocks()
    {
        constexpr std::size_t mb2 = std::size_t(2) << 20;
        // Below the threshold a block is what was asked for.
        QCOMPARE(bigSize(100), std::size_t(100));
        QCOMPARE(bigSize(kHugeThreshold - 1), kHugeThreshold - 1);
#if defined(__linux__)
        // From it on, whole huge pages.
        QCOMPARE(bigSize(kHugeThreshold), mb2);
        QCOMPARE(bigSize(mb2), mb2);
        QCOMPARE(bigSize(mb2 + 1), 2 * mb2);
#endif
    }

    void bigBlocksStartOnAHugePage()
    {
#if defined(__linux__)
        for (const std::size_t bytes : {kHugeThreshold, std::size_t(3) << 20}) {
            void *p = bigAllocate(bytes);
            QVERIFY(p);
            QCOMPARE(reinterpret_cast<std::uintptr_t>(p) % (std::uintptr_t(2) << 20),
                     std::uintptr_t(0));
            // The whole rounded size is usable.
            std::memset(p, 0x5A, bigSize(bytes));
            QCOMPARE(static_cast<unsigned char *>(p)[bigSize(bytes) - 1], 0x5A);
            bigFree(p, bytes);
        }
#else
        QSKIP("huge pages are asked for on Linux only");
#endif
    }

    void byteBufferKeepsEveryByte()
    {
        // Appends of every size, across small and huge-page growth, against std::string.
        QRandomGenerator rng(7);
        ByteBuffer buf;
        std::string want;
        std::string chunk;
        while (want.size() < (std::size_t(5) << 20)) {
            const int kind = rng.bounded(3);
            if (kind == 0) {
                const char c = char(rng.bounded(256));
                buf.push_back(c);
                want.push_back(c);
                continue;
            }
            const std::size_t n = kind == 1 ? rng.bounded(64) : rng.bounded(300000);
            chunk.resize(n);
            for (char &c : chunk)
                c = char(rng.bounded(256));
            buf.append(chunk.data(), n);
            want.append(chunk);
        }
        QCOMPARE(buf.size(), want.size());
        QVERIFY(std::memcmp(buf.data(), want.data(), want.size()) == 0);

        buf.clear();
        QVERIFY(buf.empty());
        buf.append("abc", 3);
        QCOMPARE(std::string(buf.data(), buf.size()), std::string("abc"));
    }

    // Heap memory reachable only from a big block is not a leak: under LeakSanitizer the block
    // is a root region (the fuzzer's leak check reported the header memo's strings before).
    void heapMemoryHeldByABigBlockIsNoLeak()
    {
#if defined(IDESK_TEST_LSAN)
        BigVector<std::string> held(kHugeThreshold / sizeof(std::string) + 1);
        for (std::size_t k = 0; k < held.size(); k += 997)
            held[k] = std::string(100, char('a' + k % 26)); // on the heap, not in the string
        QCOMPARE(__lsan_do_recoverable_leak_check(), 0);
        QCOMPARE(held[997], std::string(100, char('a' + 997 % 26)));
#else
        QSKIP("only meaningful under LeakSanitizer");
#endif
    }

    void byteBufferReserveKeepsContent()
    {
        ByteBuffer buf;
        buf.append("header:", 7);
        buf.reserve(kHugeThreshold + 1);
        buf.push_back('x');
        QCOMPARE(std::string(buf.data(), buf.size()), std::string("header:x"));
        buf.reserve(10); // never shrinks
        QCOMPARE(buf.size(), std::size_t(8));
    }
};

QTEST_GUILESS_MAIN(TestLogsBigMemory)
#include "test_logs_bigmemory.moc"
