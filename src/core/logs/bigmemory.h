#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace idesk::logs {

// Memory for a big log's keys, tables and read buffers, which fill a hundred megabytes or more
// while the lines go by. In 4 KiB pages that is tens of thousands of page faults, each a trip
// into the kernel and a cgroup charge (on a virtual machine with shadow page tables, 10-20 us
// each, as much as zeroing a huge page): on Linux a block of kHugeThreshold bytes or more is
// asked for as transparent huge pages, rounded up to whole 2 MiB pages, so it faults in 2 MiB at
// a time. Smaller blocks, and other systems, take the ordinary heap. Free with the size that was
// asked for.
inline constexpr std::size_t kHugeThreshold = std::size_t(1) << 20;
void *bigAllocate(std::size_t bytes);
void bigFree(void *p, std::size_t bytes);
// The bytes a block of `bytes` really takes: what bigAllocate maps for it.
std::size_t bigSize(std::size_t bytes);

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

// A growable byte buffer in big memory, for output written in slices of a megabyte or more: a
// std::string of that size would fault in page by page the first time it is filled.
class ByteBuffer
{
public:
    void reserve(std::size_t n)
    {
        if (n > m_capacity)
            regrow(n);
    }
    void append(const char *p, std::size_t n)
    {
        if (n > m_capacity - m_size)
            regrow(std::max(m_size + n, m_capacity * 2));
        if (n)
            std::memcpy(m_bytes.get() + m_size, p, n);
        m_size += n;
    }
    void push_back(char c)
    {
        if (m_size == m_capacity)
            regrow(std::max<std::size_t>(m_capacity * 2, 256));
        m_bytes[m_size++] = c;
    }
    const char *data() const { return m_bytes.get(); }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    void clear() { m_size = 0; }

private:
    void regrow(std::size_t n)
    {
        // What the allocation gets anyway (a whole huge page) is used before growing again.
        n = bigSize(n);
        BigChunk bytes = bigChunk(n);
        if (m_size)
            std::memcpy(bytes.get(), m_bytes.get(), m_size);
        m_bytes = std::move(bytes);
        m_capacity = n;
    }

    BigChunk m_bytes;
    std::size_t m_size = 0, m_capacity = 0;
};

} // namespace idesk::logs
