// Exact numbers: decimal strings to integer ticks/lots and back, and every way a string can be bad.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "core/decimal.h"
#include "core/instrument.h"

#include "test_printers.h"

#include <limits>

using namespace hoga::core;

class TestDecimal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseScaledValues_data();
    void parseScaledValues();
    void badDecimals_data();
    void badDecimals();
    void formatScaledValues();
    void int64Extremes();
    void btcusdtRoundTrips();
    void gridRejectsOffGrid();
    void gridFromStep();
    void fixed8();
    void notional();
};

void TestDecimal::parseScaledValues_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("plain") << QStringLiteral("61800.30") << 2 << qint64(6180030);
    QTest::newRow("integer") << QStringLiteral("61800") << 2 << qint64(6180000);
    QTest::newRow("short fraction") << QStringLiteral("61800.3") << 2 << qint64(6180030);
    QTest::newRow("zero") << QStringLiteral("0") << 3 << qint64(0);
    QTest::newRow("binance zero qty") << QStringLiteral("0.000") << 3 << qint64(0);
    QTest::newRow("trailing zeros beyond scale")
        << QStringLiteral("1.50000000") << 2 << qint64(150);
    QTest::newRow("leading dot") << QStringLiteral(".5") << 1 << qint64(5);
    QTest::newRow("trailing dot") << QStringLiteral("5.") << 1 << qint64(50);
    QTest::newRow("leading zeros") << QStringLiteral("000012.500") << 3 << qint64(12500);
    QTest::newRow("scale 0") << QStringLiteral("297") << 0 << qint64(297);
    QTest::newRow("8 decimals") << QStringLiteral("28147.27373413") << 8 << qint64(2814727373413);
    QTest::newRow("max int64") << QStringLiteral("9223372036854775807") << 0
                               << std::numeric_limits<qint64>::max();
}

void TestDecimal::parseScaledValues() {
    QFETCH(QString, text);
    QFETCH(int, decimals);
    QFETCH(qint64, expected);
    const std::string s = text.toStdString();
    const ScaledValue v = parseScaled(s, decimals);
    QVERIFY2(v.ok(), describe(v.error).data());
    QCOMPARE(v.value, expected);
}

void TestDecimal::badDecimals_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<int>("error");
    const auto row = [](const char* name, const char* text, int decimals, DecimalError e) {
        QTest::newRow(name) << QString::fromUtf8(text) << decimals << static_cast<int>(e);
    };
    row("empty", "", 2, DecimalError::Empty);
    row("only dot", ".", 2, DecimalError::Empty);
    row("only minus", "-", 2, DecimalError::Empty);
    row("letters", "abc", 2, DecimalError::NotNumeric);
    row("exponent", "1e5", 2, DecimalError::NotNumeric);
    row("plus sign", "+1.0", 2, DecimalError::NotNumeric);
    row("space", " 1.0", 2, DecimalError::NotNumeric);
    row("trailing space", "1.0 ", 2, DecimalError::NotNumeric);
    row("two dots", "1.0.0", 2, DecimalError::NotNumeric);
    row("nan", "nan", 2, DecimalError::NotNumeric);
    row("inf", "inf", 2, DecimalError::NotNumeric);
    row("comma", "1,5", 2, DecimalError::NotNumeric);
    row("too many decimals", "61800.301", 2, DecimalError::TooManyDecimals);
    row("too many decimals at scale 0", "1.5", 0, DecimalError::TooManyDecimals);
    row("negative", "-1.00", 2, DecimalError::Negative);
    row("overflow integer", "9223372036854775808", 0, DecimalError::Overflow);
    row("overflow by scale", "92233720368547758", 3, DecimalError::Overflow);
    row("huge", "99999999999999999999999999999", 2, DecimalError::Overflow);
}

void TestDecimal::badDecimals() {
    QFETCH(QString, text);
    QFETCH(int, decimals);
    QFETCH(int, error);
    const std::string s = text.toStdString();
    const ScaledValue v = parseScaled(s, decimals);
    QVERIFY(!v.ok());
    QCOMPARE(static_cast<int>(v.error), error);
    QCOMPARE(v.value, qint64(0)); // never garbage
}

void TestDecimal::formatScaledValues() {
    QCOMPARE(formatScaled(6180030, 2), std::string("61800.30"));
    QCOMPARE(formatScaled(5, 2), std::string("0.05"));
    QCOMPARE(formatScaled(0, 3), std::string("0.000"));
    QCOMPARE(formatScaled(0, 0), std::string("0"));
    QCOMPARE(formatScaled(-150, 2), std::string("-1.50"));
    QCOMPARE(formatScaled(-5, 3), std::string("-0.005"));
    QCOMPARE(formatScaled(1234567, 0), std::string("1234567"));
}

void TestDecimal::int64Extremes() {
    QCOMPARE(formatScaled(std::numeric_limits<std::int64_t>::max(), 0),
             std::string("9223372036854775807"));
    QCOMPARE(formatScaled(std::numeric_limits<std::int64_t>::min(), 8),
             std::string("-92233720368.54775808"));
    const auto v = parseScaled("-92233720368.54775807", 8, true);
    QVERIFY(v.ok());
    QCOMPARE(formatScaled(v.value, 8), std::string("-92233720368.54775807"));
}

void TestDecimal::btcusdtRoundTrips() {
    const InstrumentSpec spec = InstrumentSpec::btcusdtDefaults();
    for (const char* price : {"61800.30", "58710.20", "0.10", "100000.00", "28145.10"}) {
        const auto v = spec.parsePrice(price);
        QVERIFY2(v.ok(), price);
        QCOMPARE(spec.formatPrice(Price{v.value}), std::string(price));
    }
    QCOMPARE(spec.parsePrice("61800.30").value, qint64(618003));
    for (const char* qty : {"0.000", "0.001", "12.111", "1000.000"}) {
        const auto v = spec.parseQty(qty);
        QVERIFY2(v.ok(), qty);
        QCOMPARE(spec.formatQty(Qty{v.value}), std::string(qty));
    }
    QCOMPARE(spec.parseQty("12.111").value, qint64(12111));
}

void TestDecimal::gridRejectsOffGrid() {
    const InstrumentSpec spec = InstrumentSpec::btcusdtDefaults();
    QCOMPARE(static_cast<int>(spec.parsePrice("61800.35").error),
             static_cast<int>(DecimalError::OffGrid)); // 2 decimals, off 0.10
    QCOMPARE(static_cast<int>(spec.parsePrice("61800.301").error),
             static_cast<int>(DecimalError::TooManyDecimals));
    QCOMPARE(static_cast<int>(spec.parseQty("0.0005").error),
             static_cast<int>(DecimalError::TooManyDecimals));
    QCOMPARE(static_cast<int>(spec.parseQty("-1").error), static_cast<int>(DecimalError::Negative));
    QCOMPARE(static_cast<int>(spec.parsePrice("").error), static_cast<int>(DecimalError::Empty));
}

void TestDecimal::gridFromStep() {
    DecimalGrid g;
    QVERIFY(DecimalGrid::fromStep("0.10", 2, g)); // BTCUSDT with pricePrecision 2
    QCOMPARE(g, (DecimalGrid{2, 10}));
    QVERIFY(DecimalGrid::fromStep("0.10", -1, g)); // no precision: as written
    QCOMPARE(g, (DecimalGrid{2, 10}));
    QVERIFY(DecimalGrid::fromStep("0.01000000", -1, g)); // 8 decimals as written
    QCOMPARE(g, (DecimalGrid{8, 1000000}));
    QVERIFY(DecimalGrid::fromStep("0.01000000", 2, g)); // precision wins when it is enough
    QCOMPARE(g, (DecimalGrid{2, 1}));
    QVERIFY(DecimalGrid::fromStep("0.001", 1, g)); // precision too small: the step's own digits
    QCOMPARE(g, (DecimalGrid{3, 1}));
    QVERIFY(DecimalGrid::fromStep("1", 0, g));
    QCOMPARE(g, (DecimalGrid{0, 1}));
    QVERIFY(!DecimalGrid::fromStep("0", 2, g));
    QVERIFY(!DecimalGrid::fromStep("abc", 2, g));
    QVERIFY(!DecimalGrid::fromStep("-0.1", 2, g));
}

void TestDecimal::fixed8() {
    const auto v = parseFixed8("-0.00002754");
    QVERIFY(v.ok());
    QCOMPARE(v.value, qint64(-2754));
    QCOMPARE(formatFixed8(Fixed8{v.value}), std::string("-0.00002754"));
    QCOMPARE(static_cast<int>(parseFixed8("28147.273734131").error),
             static_cast<int>(DecimalError::TooManyDecimals));
}

void TestDecimal::notional() {
    const InstrumentSpec spec = InstrumentSpec::btcusdtDefaults();
    const Notional n = notionalOf(Price{618003}, Qty{12111}); // 61800.30 × 12.111
    QCOMPARE(spec.formatNotional(n), std::string("748463.43330"));
    QCOMPARE(spec.toFixed8(n).e8, qint64(74846343330000));
}

QTEST_APPLESS_MAIN(TestDecimal)
#include "tst_decimal.moc"
