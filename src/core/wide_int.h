#pragma once

// 128-bit integers for intermediate products (price × quantity × scale) that could exceed int64.
// GCC and Clang provide __int128; __extension__ keeps -Wpedantic quiet about it.

namespace hoga::core {
__extension__ typedef __int128 Int128;
} // namespace hoga::core
