#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace idesk::logs {

// Memory for a big log's keys, tables and read buffers, which fill a hundred megabytes or more
// while the lines go by. In 4 KiB pages that is tens of thousands of page faults, each a trip
// into the kernel and a cgroup charge, about a sixth of the analysis's time: on Linux a block of
// 2 MiB or more is asked for as transparent huge pages, so it faults in 2 MiB at a time. Smaller
// blocks, and other systems, take the ordinary heap. Free with the size that was asked for.
void *bigAllocate(std::size_t bytes);
void bigFree(void *p, std::size_t bytes);

// Asks for huge pages on the whole 2 MiB pages inside [p, p + bytes) of memory that is not
// touched yet (a big std::vector just reserved): it then faults in 2 MiB at a time too.
void adviseHugePages(void *p, std::size_t bytes);
// The whole 2 MiB pages inside [address, address + bytes): {begin, end}, begin == end if none.
std::pair<std::uintptr_t, std::uintptr_t> hugePageSpan(std::uintptr_t address, std::size_t bytes);

template<typename T> struct BigAllocator
{
    using value_type = T;
    BigAllocator() = default;
    template<typename U> BigAllocator(const BigAllocator<U> &) {}
    T *allocate(std::size_t n) { return static_cast<T *>(bigAllocate(n * sizeof(T))); }
    void deallocate(T *p, std::size_t n) { bigFree(p, n * sizeof(T)); }
    template<typename U> bool operator==(const BigAllocator<U> &) const { return true; }
};

template<typename T> using BigVector = std::vector<T, BigAllocator<T>>;

struct BigDelete
{
    std::size_t bytes = 0;
    void operator()(char *p) const { bigFree(p, bytes); }
};
using BigChunk = std::unique_ptr<char[], BigDelete>;

inline BigChunk bigChunk(std::size_t bytes)
{
    return BigChunk(static_cast<char *>(bigAllocate(bytes)), BigDelete{bytes});
}

} // namespace idesk::logs
