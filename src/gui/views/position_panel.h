#pragma once

// The open position and the account: side, size, average entry, mark, unrealised PnL,
// liquidation estimate and stop; equity, balance, fees paid, net PnL, round trips and win rate.
// Money is shown in USDT and, beside it, in KRW at a rate the trader sets (the spin box; the
// default is the session's params.krwPerUsdt, the trader's choice is kept in QSettings under
// "display/krwPerUsdt"). Every number is printed from its exact integer (grid formatters,
// Fixed8 rounded in integers); PnL is green when positive, red when negative.

#include "live/station_snapshot.h"

#include <QWidget>

#include <array>
#include <optional>

class QDoubleSpinBox;
class QGridLayout;
class QLabel;

namespace hoga::gui {

class PositionPanel : public QWidget {
    Q_OBJECT

public:
    enum class Field {
        Side,
        Size,
        Entry,
        Mark,
        UnrealizedPnl,
        Liquidation,
        Stop,
        Equity,
        Balance,
        Fees,
        NetPnl,
        RoundTrips,
    };
    static constexpr std::size_t kFields = 12;
    // The QSettings key of the rate.
    static QString rateKey() { return QStringLiteral("display/krwPerUsdt"); }

    explicit PositionPanel(QWidget* parent = nullptr);

    using QWidget::update;
    void update(const live::StationSnapshot& snapshot);

    [[nodiscard]] QString usdtText(Field field) const;
    [[nodiscard]] QString krwText(Field field) const; // empty for fields that are not money
    [[nodiscard]] QLabel* usdtLabel(Field field) const { return m_rows[index(field)].usdt; }
    [[nodiscard]] QDoubleSpinBox* rateBox() const { return m_rate; }
    [[nodiscard]] double krwPerUsdt() const;
    void setKrwPerUsdt(double rate);

    static QColor gainColor();
    static QColor lossColor();

Q_SIGNALS:
    void krwRateChanged(double krwPerUsdt);

private:
    struct Row {
        QLabel* name = nullptr;
        QLabel* usdt = nullptr;
        QLabel* krw = nullptr;
    };
    static std::size_t index(Field f) { return static_cast<std::size_t>(f); }
    void refresh();
    void setText(Field field, const QString& text);
    void setMoney(Field field, core::Fixed8 value, bool coloured, bool showPlus = false);

    std::array<Row, kFields> m_rows;
    QDoubleSpinBox* m_rate;
    bool m_rateFromSettings = false;
    bool m_rateInitialised = false;
    // What the panel shows of the last snapshot, kept to re-print KRW when the rate changes.
    struct Shown {
        core::InstrumentSpec instrument;
        core::Position position;
        core::Price markPrice, liquidationPrice, stopPrice;
        core::Fixed8 unrealizedPnl, equity, balance;
        engine::EngineStats stats;
    };
    std::optional<Shown> m_last;
};

} // namespace hoga::gui
