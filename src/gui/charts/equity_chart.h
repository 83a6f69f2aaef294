#pragma once

// The equity curve of the journal panel (all Qt Charts code lives in src/gui/charts, so the chart
// module can be swapped for Qt Graphs later). Two curves: the realized equity of the shown round
// trips (starting balance plus cumulative net PnL, a step at each exit: what the summary's
// drawdown is measured on), and, when the trips are of one run, that run's marked-to-market
// equity samples from the journal. Values arrive exact (e8) and become doubles only here, as
// chart coordinates.

#include "gui/models/journal_records.h"

#include <QChartView>
#include <QVector>

#include <optional>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace hoga::gui {

class EquityChart : public QChartView {
    Q_OBJECT

public:
    explicit EquityChart(QWidget* parent = nullptr);

    // `fromMs`/`toMs`: the time range to show (the filter's), or unset for the data's extent.
    void setCurves(const QVector<EquityPoint>& realized, const QVector<EquityPoint>& marked,
                   std::optional<qint64> fromMs, std::optional<qint64> toMs);

    [[nodiscard]] QLineSeries* realizedSeries() const { return m_realized; }
    [[nodiscard]] QLineSeries* markedSeries() const { return m_marked; }

private:
    QLineSeries* m_realized;
    QLineSeries* m_marked;
    QDateTimeAxis* m_timeAxis;
    QValueAxis* m_valueAxis;
};

} // namespace hoga::gui
