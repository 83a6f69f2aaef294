#include "gui/models/journal_model.h"

#include "core/decimal.h"

#include <QColor>
#include <QDateTime>

#include <limits>

namespace hoga::gui {

namespace {

// Average prices carry the grid's decimals + 8 (journal_format.h): 10 for BTCUSDT. 12 leaves room
// for finer grids while a BTC price still fits in int64 (1e5 × 1e12 < 9.2e18).
constexpr int kPriceSortDecimals = 12;

QString utcText(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString localText(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t"));
}

qint64 priceSortKey(const QString& text) {
    if (text.isEmpty()) {
        return std::numeric_limits<qint64>::min(); // NULL (zero quantity) sorts first
    }
    const auto scaled = core::parseScaled(text.toStdString(), kPriceSortDecimals, true);
    return scaled.ok() ? scaled.value : std::numeric_limits<qint64>::min();
}

QVariant featureText(const std::optional<double>& value, int decimals) {
    return value ? QVariant(QString::number(*value, 'f', decimals)) : QVariant();
}

QVariant featureExact(const std::optional<double>& value) {
    // 17 significant digits: the exact double the journal holds, read back to the same bits.
    return value ? QString::number(*value, 'g', 17) : QString();
}

QVariant featureSort(const std::optional<double>& value) {
    // Features are ratios, not money: a double is their own type in the journal.
    return value ? *value : -std::numeric_limits<double>::infinity();
}

QVariant pnlColour(qint64 e8) {
    if (e8 > 0) {
        return QColor(0x1b, 0x7f, 0x3b);
    }
    if (e8 < 0) {
        return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

bool isNumeric(int column) {
    return column != JournalModel::RunColumn && column != JournalModel::SideColumn &&
           column != JournalModel::EntryTimeColumn && column != JournalModel::ExitTimeColumn &&
           column != JournalModel::ExitReasonColumn;
}

} // namespace

JournalModel::JournalModel(QObject* parent) : QAbstractTableModel(parent) {
    connect(&m_reloadTimer, &QTimer::timeout, this, [this] { reload(); });
}

bool JournalModel::open(const QString& path) {
    close();
    m_path = path;
    if (!m_db.open(path)) {
        setError(m_db.lastError());
        return false;
    }
    return reload();
}

void JournalModel::close() {
    beginResetModel();
    m_trips.clear();
    m_runs.clear();
    m_lastRowId = 0;
    endResetModel();
    m_db.close();
    m_path.clear();
}

void JournalModel::setReloadInterval(int ms) {
    if (ms <= 0) {
        m_reloadTimer.stop();
    } else {
        m_reloadTimer.start(ms);
    }
}

void JournalModel::setError(const QString& message) {
    if (message != m_error) {
        m_error = message;
        Q_EMIT errorChanged(m_error);
    }
}

bool JournalModel::reload() {
    if (m_path.isEmpty()) {
        return false;
    }
    if (!m_db.isOpen() && !m_db.open(m_path)) {
        setError(m_db.lastError());
        return false;
    }
    qint64 lastId = 0;
    QVector<JournalRun> runs;
    QVector<JournalTrip> fresh;
    const bool read = m_db.readLastTripId(lastId) && m_db.readRuns(runs);
    // Fewer rows than already shown: the file was replaced by another journal; read it afresh.
    const bool replaced = read && lastId < m_lastRowId;
    if (!read || !m_db.readTrips(replaced ? 0 : m_lastRowId, fresh)) {
        setError(m_db.lastError());
        // Reopen on the next reload: a file being replaced or repaired gets a fresh connection.
        m_db.close();
        return false;
    }
    const bool runsChanged = runs != m_runs;
    if (replaced) {
        beginResetModel();
        m_trips = std::move(fresh);
        m_runs = std::move(runs);
        endResetModel();
    } else {
        m_runs = std::move(runs);
        if (!fresh.isEmpty()) {
            const int first = static_cast<int>(m_trips.size());
            beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
            m_trips.append(fresh);
            endInsertRows();
        }
    }
    m_lastRowId = m_trips.isEmpty() ? 0 : m_trips.constLast().rowId;
    setError({});
    if (replaced || runsChanged || !fresh.isEmpty()) {
        Q_EMIT journalChanged();
    }
    return true;
}

const JournalRun* JournalModel::run(const QString& id) const {
    for (const auto& r : m_runs) {
        if (r.id == id) {
            return &r;
        }
    }
    return nullptr;
}

QVector<EquityPoint> JournalModel::equity(const QString& runId, qint64 fromMs, qint64 toMs) {
    QVector<EquityPoint> points;
    if (m_db.isOpen() && !m_db.readEquity(runId, fromMs, toMs, points)) {
        setError(m_db.lastError());
    }
    return points;
}

QString JournalModel::sideLabel(const QString& side) {
    if (side == QStringLiteral("long")) {
        return tr("Long");
    }
    if (side == QStringLiteral("short")) {
        return tr("Short");
    }
    if (side == QStringLiteral("flat")) {
        return tr("Flat");
    }
    return side;
}

QString JournalModel::exitReasonLabel(const QString& reason) {
    // The names of core::exitReasonName(); a reason added later shows as journalled.
    static const struct {
        const char* name;
        const char* label;
    } kReasons[] = {
        {"volume_fade", QT_TR_NOOP("Volume fade")},
        {"imbalance_reversal", QT_TR_NOOP("Imbalance reversal")},
        {"stop_loss", QT_TR_NOOP("Stop loss")},
        {"take_profit", QT_TR_NOOP("Take profit")},
        {"max_hold", QT_TR_NOOP("Max hold")},
        {"liquidation", QT_TR_NOOP("Liquidation")},
        {"end_of_data", QT_TR_NOOP("End of data")},
        {"kill_switch", QT_TR_NOOP("Kill switch")},
    };
    for (const auto& r : kReasons) {
        if (reason == QLatin1String(r.name)) {
            return tr(r.label);
        }
    }
    return reason;
}

int JournalModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_trips.size());
}

int JournalModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JournalModel::displayValue(const JournalTrip& t, int column) const {
    switch (column) {
    case RunColumn:
        return t.runId;
    case TripColumn:
        return QString::number(t.tripId);
    case SideColumn:
        return sideLabel(t.side);
    case EntryTimeColumn:
        return utcText(t.entryTimeMs);
    case ExitTimeColumn:
        return utcText(t.exitTimeMs);
    case SizeColumn:
        return t.qty;
    case EntryPriceColumn:
        return t.avgEntryPrice;
    case ExitPriceColumn:
        return t.avgExitPrice;
    case GrossPnlColumn:
        return t.grossPnl;
    case FeesColumn:
        return t.fees;
    case FundingColumn:
        return t.funding;
    case NetPnlColumn:
        return t.netPnl;
    case ExitReasonColumn:
        return exitReasonLabel(t.exitReason);
    case VolumeRatioColumn:
        return featureText(t.entryVolumeRatio, 2);
    case ImbalanceColumn:
        return featureText(t.entryImbalance, 3);
    case MomentumColumn:
        return featureText(t.entryMomentumBps, 2);
    case TakerBuyShareColumn:
        return featureText(t.entryTakerBuyShare, 3);
    case EntryLastPriceColumn:
        return t.entryLastPrice;
    default:
        return {};
    }
}

QVariant JournalModel::sortValue(const JournalTrip& t, int column) const {
    switch (column) {
    case RunColumn:
        return t.runId;
    case TripColumn:
        return t.tripId;
    case SideColumn:
        return t.side;
    case EntryTimeColumn:
        return t.entryTimeMs;
    case ExitTimeColumn:
        return t.exitTimeMs;
    case SizeColumn:
        return t.qtyLots;
    case EntryPriceColumn:
        return priceSortKey(t.avgEntryPrice);
    case ExitPriceColumn:
        return priceSortKey(t.avgExitPrice);
    case GrossPnlColumn:
        return t.grossPnlE8;
    case FeesColumn:
        return t.feesE8;
    case FundingColumn:
        return t.fundingE8;
    case NetPnlColumn:
        return t.netPnlE8;
    case ExitReasonColumn:
        return t.exitReason;
    case VolumeRatioColumn:
        return featureSort(t.entryVolumeRatio);
    case ImbalanceColumn:
        return featureSort(t.entryImbalance);
    case MomentumColumn:
        return featureSort(t.entryMomentumBps);
    case TakerBuyShareColumn:
        return featureSort(t.entryTakerBuyShare);
    case EntryLastPriceColumn:
        return t.entryLastPriceTicks;
    default:
        return {};
    }
}

QVariant JournalModel::exportValue(const JournalTrip& t, int column) const {
    switch (column) {
    case SideColumn:
        return t.side;
    case ExitReasonColumn:
        return t.exitReason;
    case VolumeRatioColumn:
        return featureExact(t.entryVolumeRatio);
    case ImbalanceColumn:
        return featureExact(t.entryImbalance);
    case MomentumColumn:
        return featureExact(t.entryMomentumBps);
    case TakerBuyShareColumn:
        return featureExact(t.entryTakerBuyShare);
    default:
        return displayValue(t, column); // already the journal's exact text
    }
}

QVariant JournalModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const JournalTrip& t = m_trips.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(t, column);
    case SortRole:
        return sortValue(t, column);
    case ExportRole:
        return exportValue(t, column);
    case Qt::TextAlignmentRole:
        // An int, as the item delegates and QAbstractItemModelTester read it.
        return static_cast<int>(isNumeric(column) ? Qt::AlignRight | Qt::AlignVCenter
                                                  : Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (column == NetPnlColumn) {
            return pnlColour(t.netPnlE8);
        }
        if (column == GrossPnlColumn) {
            return pnlColour(t.grossPnlE8);
        }
        return {};
    case Qt::ToolTipRole:
        if (column == EntryTimeColumn) {
            return tr("Local time: %1").arg(localText(t.entryTimeMs));
        }
        if (column == ExitTimeColumn) {
            return tr("Local time: %1").arg(localText(t.exitTimeMs));
        }
        if (column == RunColumn) {
            return tr("Mode: %1").arg(t.mode);
        }
        return {};
    default:
        return {};
    }
}

QVariant JournalModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    static const struct {
        const char* key; // the journal's column, for CSV
        const char* title;
    } kColumns[ColumnCount] = {
        {"run_id", QT_TR_NOOP("Run")},
        {"trip_id", QT_TR_NOOP("Trip")},
        {"side", QT_TR_NOOP("Side")},
        {"entry_time", QT_TR_NOOP("Entry (UTC)")},
        {"exit_time", QT_TR_NOOP("Exit (UTC)")},
        {"qty", QT_TR_NOOP("Size")},
        {"avg_entry_price", QT_TR_NOOP("Entry price")},
        {"avg_exit_price", QT_TR_NOOP("Exit price")},
        {"gross_pnl", QT_TR_NOOP("Gross PnL")},
        {"fees", QT_TR_NOOP("Fees")},
        {"funding", QT_TR_NOOP("Funding")},
        {"net_pnl", QT_TR_NOOP("Net PnL")},
        {"exit_reason", QT_TR_NOOP("Exit reason")},
        {"entry_volume_ratio", QT_TR_NOOP("Volume ratio")},
        {"entry_imbalance", QT_TR_NOOP("Imbalance")},
        {"entry_momentum_bps", QT_TR_NOOP("Momentum (bps)")},
        {"entry_taker_buy_share", QT_TR_NOOP("Taker buy share")},
        {"entry_last_price", QT_TR_NOOP("Last price")},
    };
    switch (role) {
    case Qt::DisplayRole:
        return tr(kColumns[section].title);
    case ExportRole:
        return QString::fromLatin1(kColumns[section].key);
    case Qt::ToolTipRole:
        return section >= VolumeRatioColumn ? tr("The strategy's feature at entry") : QVariant();
    default:
        return {};
    }
}

} // namespace hoga::gui
