#include "gui/models/journal_filter.h"

#include "gui/models/journal_model.h"

namespace hoga::gui {

JournalFilter::JournalFilter(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(JournalModel::SortRole);
}

void JournalFilter::setSourceModel(QAbstractItemModel* model) {
    m_journal = qobject_cast<JournalModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void JournalFilter::criteriaUpdated() {
    invalidateFilter();
    Q_EMIT criteriaChanged();
}

void JournalFilter::setExitTimeRange(std::optional<qint64> fromMs, std::optional<qint64> toMs) {
    if (fromMs != m_fromMs || toMs != m_toMs) {
        m_fromMs = fromMs;
        m_toMs = toMs;
        criteriaUpdated();
    }
}

void JournalFilter::setSide(const QString& side) {
    if (side != m_side) {
        m_side = side;
        criteriaUpdated();
    }
}

void JournalFilter::setExitReason(const QString& reason) {
    if (reason != m_reason) {
        m_reason = reason;
        criteriaUpdated();
    }
}

void JournalFilter::setRunId(const QString& runId) {
    if (runId != m_runId) {
        m_runId = runId;
        criteriaUpdated();
    }
}

void JournalFilter::setMode(const QString& mode) {
    if (mode != m_mode) {
        m_mode = mode;
        criteriaUpdated();
    }
}

bool JournalFilter::accepts(const JournalTrip& trip) const {
    return (!m_fromMs || trip.exitTimeMs >= *m_fromMs) && (!m_toMs || trip.exitTimeMs <= *m_toMs) &&
           (m_side.isEmpty() || trip.side == m_side) &&
           (m_reason.isEmpty() || trip.exitReason == m_reason) &&
           (m_runId.isEmpty() || trip.runId == m_runId) &&
           (m_mode.isEmpty() || trip.mode == m_mode);
}

bool JournalFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (!m_journal || sourceParent.isValid()) {
        return false;
    }
    return accepts(m_journal->trip(sourceRow));
}

QVector<const JournalTrip*> JournalFilter::acceptedTrips() const {
    QVector<const JournalTrip*> out;
    if (!m_journal) {
        return out;
    }
    // Straight from the source, in journal order: independent of the view's sorting.
    for (int row = 0; row < m_journal->rowCount(); ++row) {
        const JournalTrip& trip = m_journal->trip(row);
        if (accepts(trip)) {
            out.append(&trip);
        }
    }
    return out;
}

const JournalTrip* JournalFilter::tripAt(const QModelIndex& proxyIndex) const {
    if (!m_journal || !proxyIndex.isValid() || proxyIndex.model() != this) {
        return nullptr;
    }
    const QModelIndex source = mapToSource(proxyIndex);
    return source.isValid() ? &m_journal->trip(source.row()) : nullptr;
}

} // namespace hoga::gui
