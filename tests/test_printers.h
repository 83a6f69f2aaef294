#pragma once

// QCOMPARE prints both sides on failure; these overloads (found by argument-dependent lookup)
// teach it Hoga's value types.

// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "core/decimal.h"
#include "core/instrument.h"
#include "core/orderbook.h"
#include "core/price.h"

#include <string>

namespace hoga::core {
inline char* toString(const Price& p) {
    return QTest::toString(QByteArray("Price{") + QByteArray::number(p.ticks) + "}");
}
inline char* toString(const Qty& q) {
    return QTest::toString(QByteArray("Qty{") + QByteArray::number(q.lots) + "}");
}
inline char* toString(const Level& l) {
    return QTest::toString(QByteArray("Level{") + QByteArray::number(l.price.ticks) + ", " +
                           QByteArray::number(l.qty.lots) + "}");
}
inline char* toString(const DecimalGrid& g) {
    return QTest::toString(QByteArray("DecimalGrid{") + QByteArray::number(g.decimals) + ", " +
                           QByteArray::number(g.step) + "}");
}
} // namespace hoga::core

namespace std {
inline char* toString(const std::string& s) {
    return QTest::toString(QByteArray::fromStdString(s));
}
} // namespace std

#include "binance/depth_synchronizer.h"
#include "binance/market_parser.h"

namespace hoga::binance {
inline char* toString(MessageType t) {
    return QTest::toString(QByteArray::fromStdString(std::string(messageTypeName(t))));
}
inline char* toString(SyncState s) {
    return QTest::toString(QByteArray::fromStdString(std::string(syncStateName(s))));
}
inline char* toString(DepthSynchronizer::Outcome o) {
    return QTest::toString(QByteArray::number(static_cast<int>(o)));
}
} // namespace hoga::binance
