#pragma once

// The order book's palette, one place for the ladder, the gauge and the tests that look for
// these colours in a grab of the widget. Bars are opaque so they paint exactly these colours.

#include <QColor>

namespace hoga::gui::BookColors {

inline QColor background() {
    return {0x13, 0x17, 0x22};
}
inline QColor track() {
    return {0x2a, 0x2e, 0x39};
}
inline QColor text() {
    return {0xd1, 0xd4, 0xdc};
}
inline QColor dimText() {
    return {0x78, 0x7b, 0x86};
}
inline QColor bid() {
    return {0x26, 0xa6, 0x9a};
}
inline QColor ask() {
    return {0xef, 0x53, 0x50};
}
inline QColor bidBar() {
    return {0x1a, 0x4d, 0x47};
}
inline QColor askBar() {
    return {0x5c, 0x26, 0x2a};
}
inline QColor threshold() {
    return {0xff, 0xb3, 0x00};
}

} // namespace hoga::gui::BookColors
