#pragma once

// Which round trips of a JournalModel the panel shows, and in which order: a trip passes when
// every set criterion holds. Empty strings and unset times mean "any". The time range applies to
// the exit time, when the trade's PnL was realized (the same time the equity curve steps at).
// Sorting uses JournalModel::SortRole: the journal's integers, never the display text.

#include "gui/models/journal_records.h"

#include <QSortFilterProxyModel>
#include <QVector>

#include <optional>

namespace hoga::gui {

class JournalModel;

class JournalFilter : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit JournalFilter(QObject* parent = nullptr);

    // The source must be a JournalModel (anything else filters everything out).
    void setSourceModel(QAbstractItemModel* model) override;

    void setExitTimeRange(std::optional<qint64> fromMs, std::optional<qint64> toMs);
    void setSide(const QString& side); // "long", "short" or "" for both
    void setExitReason(const QString& reason);
    void setRunId(const QString& runId);
    void setMode(const QString& mode);

    [[nodiscard]] std::optional<qint64> fromMs() const { return m_fromMs; }
    [[nodiscard]] std::optional<qint64> toMs() const { return m_toMs; }
    [[nodiscard]] const QString& side() const { return m_side; }
    [[nodiscard]] const QString& exitReason() const { return m_reason; }
    [[nodiscard]] const QString& runId() const { return m_runId; }
    [[nodiscard]] const QString& mode() const { return m_mode; }

    // The trips that pass, in the source's (journal) order; pointers into the source model,
    // valid until its next reload.
    [[nodiscard]] QVector<const JournalTrip*> acceptedTrips() const;
    [[nodiscard]] const JournalTrip* tripAt(const QModelIndex& proxyIndex) const;

Q_SIGNALS:
    // A criterion changed (not emitted for rows the source added).
    void criteriaChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    [[nodiscard]] bool accepts(const JournalTrip& trip) const;
    void criteriaUpdated();

    JournalModel* m_journal = nullptr;
    std::optional<qint64> m_fromMs;
    std::optional<qint64> m_toMs;
    QString m_side;
    QString m_reason;
    QString m_runId;
    QString m_mode;
};

} // namespace hoga::gui
