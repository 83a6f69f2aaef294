#pragma once

// Why the strategy is or isn't trading, live: the entry conditions (volume burst, book
// imbalance, momentum, and the taker-share filter when it is on) and the exit conditions (volume
// fade, imbalance reversal, stop loss), each with a light and its value against its threshold,
// plus one line saying what stops an entry now.
//
// The lights are the strategy's own decisions on the snapshot's features —
// OrderFlowStrategy::entryConditions, featureExit, priceExit and onCandleClosed with the
// snapshot's params — not a second copy of its rules.

#include "core/order_flow_strategy.h"
#include "live/station_snapshot.h"

#include <QWidget>

#include <array>

class QLabel;

namespace hoga::gui {

class StatusLight;

class SignalPanel : public QWidget {
    Q_OBJECT

public:
    enum class Row {
        VolumeBurst,
        Imbalance,
        Momentum,
        TakerShare, // shown only with the optional filter on
        VolumeFade,
        ImbalanceReversal,
        StopLoss,
    };
    static constexpr std::size_t kRows = 7;
    enum class Light { Met, NotMet, NotApplicable };

    explicit SignalPanel(QWidget* parent = nullptr);

    using QWidget::update;
    void update(const live::StationSnapshot& snapshot);

    [[nodiscard]] Light light(Row row) const { return m_rows[index(row)].state; }
    [[nodiscard]] QString valueText(Row row) const;
    [[nodiscard]] QString directionText(Row row) const;
    [[nodiscard]] StatusLight* lightWidget(Row row) const { return m_rows[index(row)].light; }
    [[nodiscard]] bool rowVisible(Row row) const;
    [[nodiscard]] QString statusText() const;
    // The conditions the lights were taken from (the last snapshot's).
    [[nodiscard]] const core::EntryConditions& conditions() const { return m_conditions; }
    [[nodiscard]] int fadeStreak() const { return m_fadeStreak; }
    [[nodiscard]] double lastClosedVolumeRatio() const { return m_closedRatio; }

    static QColor lightColor(Light light);

private:
    struct RowWidgets {
        StatusLight* light = nullptr;
        QLabel* name = nullptr;
        QLabel* value = nullptr;
        QLabel* direction = nullptr;
        Light state = Light::NotApplicable;
    };
    static std::size_t index(Row row) { return static_cast<std::size_t>(row); }
    void setRow(Row row, Light state, const QString& value, const QString& direction = {});
    void updateEntries(const live::StationSnapshot& s, const core::OrderFlowStrategy& strategy);
    void updateExits(const live::StationSnapshot& s, core::OrderFlowStrategy& strategy);
    [[nodiscard]] QString whyNotEntering(const live::StationSnapshot& s) const;

    std::array<RowWidgets, kRows> m_rows;
    QLabel* m_status;
    core::EntryConditions m_conditions;
    int m_fadeStreak = 0;
    double m_closedRatio = 0;
};

} // namespace hoga::gui
