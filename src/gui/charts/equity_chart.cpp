#include "gui/charts/equity_chart.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <limits>

namespace hoga::gui {

namespace {

constexpr double kE8 = 100000000.0;

double usdt(qint64 e8) {
    return static_cast<double>(e8) / kE8; // a coordinate, not a sum
}

} // namespace

EquityChart::EquityChart(QWidget* parent)
    : QChartView(parent), m_realized(new QLineSeries), m_marked(new QLineSeries),
      m_timeAxis(new QDateTimeAxis), m_valueAxis(new QValueAxis) {
    auto* chart = new QChart;
    m_realized->setName(tr("Realized (these trades)"));
    m_marked->setName(tr("Equity (journal samples)"));
    chart->addSeries(m_marked);
    chart->addSeries(m_realized);
    m_timeAxis->setFormat(QStringLiteral("MM-dd HH:mm:ss"));
    m_timeAxis->setTitleText(tr("Time (local)"));
    m_valueAxis->setTitleText(tr("USDT"));
    m_valueAxis->setLabelFormat(QStringLiteral("%.2f"));
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_valueAxis, Qt::AlignLeft);
    for (QLineSeries* series : {m_realized, m_marked}) {
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart); // the view owns the chart, the chart its series and axes
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(160);
}

void EquityChart::setCurves(const QVector<EquityPoint>& realized,
                            const QVector<EquityPoint>& marked, std::optional<qint64> fromMs,
                            std::optional<qint64> toMs) {
    qint64 firstMs = std::numeric_limits<qint64>::max();
    qint64 lastMs = std::numeric_limits<qint64>::min();
    qint64 lowE8 = std::numeric_limits<qint64>::max();
    qint64 highE8 = std::numeric_limits<qint64>::min();
    const auto extend = [&](const EquityPoint& p) {
        firstMs = std::min(firstMs, p.timeMs);
        lastMs = std::max(lastMs, p.timeMs);
        lowE8 = std::min(lowE8, p.e8);
        highE8 = std::max(highE8, p.e8);
    };
    // Realized equity holds between exits: a step (flat, then the exit's jump), not a slope.
    QList<QPointF> steps;
    steps.reserve(realized.size() * 2);
    for (qsizetype i = 0; i < realized.size(); ++i) {
        const EquityPoint& p = realized[i];
        if (i > 0) {
            steps.append(QPointF(static_cast<double>(p.timeMs), usdt(realized[i - 1].e8)));
        }
        steps.append(QPointF(static_cast<double>(p.timeMs), usdt(p.e8)));
        extend(p);
    }
    QList<QPointF> samples;
    samples.reserve(marked.size());
    for (const EquityPoint& p : marked) {
        samples.append(QPointF(static_cast<double>(p.timeMs), usdt(p.e8)));
        extend(p);
    }
    m_realized->replace(steps);
    m_marked->replace(samples);
    m_marked->setVisible(!samples.isEmpty());
    if (steps.isEmpty() && samples.isEmpty()) {
        return;
    }
    firstMs = fromMs.value_or(firstMs);
    lastMs = std::max(toMs.value_or(lastMs), firstMs + 1000); // an axis needs a width
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(firstMs),
                         QDateTime::fromMSecsSinceEpoch(lastMs));
    const double low = usdt(lowE8);
    const double high = usdt(highE8);
    const double margin = std::max((high - low) * 0.05, 0.01);
    m_valueAxis->setRange(low - margin, high + margin);
}

} // namespace hoga::gui
