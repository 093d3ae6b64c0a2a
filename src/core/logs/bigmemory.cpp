#include "core/logs/bigmemory.h"

#include <cstdint>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

// LeakSanitizer looks for pointers in the heap, stacks and globals, not in memory mapped by
// hand: a big block holding strings (a memo, a table of templates) would make them look leaked.
// Under AddressSanitizer each mapped block is registered as a root region while it lives.
#if defined(__SANITIZE_ADDRESS__)
#define IDESK_LSAN_ROOTS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IDESK_LSAN_ROOTS 1
#endif
#endif
#if defined(IDESK_LSAN_ROOTS)
#include <sanitizer/lsan_interface.h>
#endif

namespace idesk::logs {

namespace {

constexpr std::size_t kHugePage = std::size_t(2) << 20;

std::size_t hugeSize(std::size_t bytes)
{
    return (bytes + kHugePage - 1) & ~(kHugePage - 1);
}

} // namespace

std::size_t bigSize(std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (bytes >= kHugeThreshold)
        return hugeSize(bytes);
#endif
    return bytes;
}

void *bigAllocate(std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (bytes >= kHugeThreshold) {
        // Mapped with room to spare and trimmed to a 2 MiB boundary: a huge page must be aligned.
        const std::size_t size = hugeSize(bytes), room = size + kHugePage;
        void *m = mmap(nullptr, room, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED)
            throw std::bad_alloc();
        char *raw = static_cast<char *>(m);
        char *p = reinterpret_cast<char *>((reinterpret_cast<std::uintptr_t>(raw) + kHugePage - 1) &
                                           ~std::uintptr_t(kHugePage - 1));
        if (p > raw)
            munmap(raw, std::size_t(p - raw));
        if (raw + room > p + size)
            munmap(p + size, std::size_t(raw + room - (p + size)));
        madvise(p, size, MADV_HUGEPAGE);
#if defined(IDESK_LSAN_ROOTS)
        __lsan_register_root_region(p, size);
#endif
        return p;
    }
#endif
    return ::operator new(bytes);
}

void bigFree(void *p, std::size_t bytes)
{
    if (!p)
        return;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (bytes >= kHugeThreshold) {
#if defined(IDESK_LSAN_ROOTS)
        __lsan_unregister_root_region(p, hugeSize(bytes));
#endif
        munmap(p, hugeSize(bytes));
        return;
    }
#endif
    ::operator delete(p);
}

} // namespace idesk::logs
