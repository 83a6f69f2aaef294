#pragma once

// A fixed-capacity ring that keeps the newest `capacity` items. Allocates once, at construction:
// bounded memory for things like closed candles that would otherwise grow with the session.

#include <cstddef>
#include <vector>

namespace hoga::core {

template <typename T>
class RingBuffer {
public:
    explicit RingBuffer(std::size_t capacity) : m_items(capacity > 0 ? capacity : 1) {}

    void push(const T& item) {
        m_items[m_head] = item;
        m_head = (m_head + 1) % m_items.size();
        if (m_size < m_items.size()) {
            ++m_size;
        }
    }
    void clear() {
        m_head = 0;
        m_size = 0;
    }

    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] std::size_t capacity() const { return m_items.size(); }
    [[nodiscard]] bool empty() const { return m_size == 0; }

    // i = 0 is the oldest item kept, size() - 1 the newest.
    [[nodiscard]] const T& at(std::size_t i) const {
        return m_items[(m_head + m_items.size() - m_size + i) % m_items.size()];
    }
    // i = 0 is the newest.
    [[nodiscard]] const T& fromNewest(std::size_t i) const { return at(m_size - 1 - i); }
    [[nodiscard]] const T& newest() const { return fromNewest(0); }

private:
    std::vector<T> m_items;
    std::size_t m_head = 0; // where the next push goes
    std::size_t m_size = 0;
};

} // namespace hoga::core
