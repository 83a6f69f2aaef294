#include "storage/journal_format.h"

#include "core/decimal.h"
#include "core/wide_int.h"

#include <algorithm>

namespace hoga::storage {

std::string jsonStringArray(const std::vector<std::string>& items) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        out.push_back('"');
        for (const char c : items[i]) {
            const auto byte = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                out.push_back('\\');
                out.push_back(c);
            } else if (byte < 0x20) {
                out += "\\u00";
                out.push_back(kHex[byte >> 4]);
                out.push_back(kHex[byte & 0xF]);
            } else {
                out.push_back(c);
            }
        }
        out.push_back('"');
    }
    out.push_back(']');
    return out;
}

} // namespace hoga::storage
