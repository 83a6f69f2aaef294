// The journal panel as a user drives it (offscreen): the real filter widgets through QTest's
// keyboard and mouse, the summary line and the chart against SQL, the CSV export through the
// button and its file dialog, a double-click on a trade, and a journal that is missing, then
// appears, or is corrupt.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "gui/charts/equity_chart.h"
#include "gui/journal_panel.h"
#include "gui/models/journal_filter.h"
#include "gui/models/journal_model.h"
#include "journal_fixture.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

using namespace hoga;
using namespace hoga::gui;
using guitest::SqlReader;

namespace {

template <typename T>
T* child(QWidget& parent, const char* name) {
    T* found = parent.findChild<T*>(QString::fromLatin1(name));
    if (!found) {
        qFatal("no widget %s", name);
    }
    return found;
}

// Chooses a combo box entry the way a user does: focus it and press the down or up arrow until
// the entry with `value` is current.
bool chooseByKeyboard(QComboBox* box, const QString& value) {
    const int target = box->findData(value);
    if (target < 0) {
        return false;
    }
    box->setFocus(Qt::TabFocusReason);
    while (box->currentIndex() != target) {
        QTest::keyClick(box, box->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
    }
    return true;
}

QString iso(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

class TestJournalPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsTheJournal();
    void filtersThroughTheWidgets();
    void timeRangeThroughTheKeyboard();
    void exportsCsvThroughTheButton();
    void doubleClickActivatesTheTrade();
    void missingJournalAppearsLater();
    void corruptJournalIsReported();

private:
    void checkSummary(JournalPanel& panel, const QString& where);

    QTemporaryDir m_dir;
    QString m_path;
};

void TestJournalPanel::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("two-runs.sqlite"));
    const QString error = guitest::writeTwoRunJournal(m_path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestJournalPanel::checkSummary(JournalPanel& panel, const QString& where) {
    SqlReader sql(m_path);
    const auto f = guitest::sqlFigures(sql, where);
    QVERIFY2(sql.error().isEmpty(), qPrintable(sql.error()));
    const JournalSummary& s = panel.summary();
    QCOMPARE(panel.filter()->rowCount(), int(f.trades));
    QCOMPARE(s.trades, f.trades);
    QCOMPARE(s.wins, f.wins);
    QCOMPARE(s.feesE8, f.feesE8);
    QCOMPARE(s.netE8, f.netE8);
    QCOMPARE(s.maxDrawdownE8, f.maxDrawdownE8);
    const QString line = child<QLabel>(panel, "summary")->text();
    QVERIFY2(line.contains(QStringLiteral("Trades %1 ").arg(f.trades)), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("net %1 USDT").arg(formatE8(f.netE8))), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("fees %1").arg(formatE8(f.feesE8))), qPrintable(line));
    // The chart's realized curve: a start, then a step (two points) per exit, ending at the net.
    const auto* chart = child<EquityChart>(panel, "equityChart");
    const QLineSeries* realized = chart->realizedSeries();
    QCOMPARE(realized->count(), f.trades == 0 ? 0 : int(2 * f.trades + 1));
    if (f.trades > 0) {
        const double end = static_cast<double>(f.startingBalanceE8.value_or(0) + f.netE8) / 1e8;
        QCOMPARE(realized->at(realized->count() - 1).y(), end);
    }
}

void TestJournalPanel::showsTheJournal() {
    JournalPanel panel;
    panel.resize(1200, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QAbstractItemModelTester tester(panel.filter(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(panel.openJournal(m_path));
    QVERIFY(!child<QLabel>(panel, "journalMessage")->isVisible());
    auto* table = child<QTableView>(panel, "tradeTable");
    SqlReader sql(m_path);
    const auto rows = sql.rows(
        QStringLiteral("SELECT exit_time_ms, net_pnl FROM round_trips ORDER BY exit_time_ms, id"));
    QCOMPARE(table->model()->rowCount(), rows.size());
    for (int r = 0; r < rows.size(); ++r) { // sorted by exit time
        QCOMPARE(table->model()->index(r, JournalModel::ExitTimeColumn).data().toString(),
                 iso(rows[r][0].toLongLong()));
        QCOMPARE(table->model()->index(r, JournalModel::NetPnlColumn).data().toString(),
                 rows[r][1].toString());
    }
    checkSummary(panel, QStringLiteral("1"));
    // Both runs are one account only in the summary; the journal's own equity samples belong to
    // one run, so the chart shows them only when one run is chosen.
    const auto* chart = child<EquityChart>(panel, "equityChart");
    QCOMPARE(chart->markedSeries()->count(), 0);
    QVERIFY(chooseByKeyboard(child<QComboBox>(panel, "runFilter"),
                             QString::fromLatin1(guitest::kDemoRun)));
    QCOMPARE(chart->markedSeries()->count(),
             sql.scalar(QStringLiteral("SELECT count(*) FROM equity WHERE run_id = 'backtest'"))
                 .toInt());
    // Clicking a header sorts by the integer column behind it.
    QTest::mouseClick(
        table->horizontalHeader()->viewport(), Qt::LeftButton, {},
        QPoint(table->horizontalHeader()->sectionViewportPosition(JournalModel::NetPnlColumn) + 5,
               5));
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), int(JournalModel::NetPnlColumn));
    for (int r = 1; r < table->model()->rowCount(); ++r) {
        const auto a = table->model()->index(r - 1, JournalModel::NetPnlColumn);
        const auto b = table->model()->index(r, JournalModel::NetPnlColumn);
        QVERIFY(a.data(JournalModel::SortRole).toLongLong() <=
                    b.data(JournalModel::SortRole).toLongLong() ||
                table->horizontalHeader()->sortIndicatorOrder() == Qt::DescendingOrder);
    }
}

void TestJournalPanel::filtersThroughTheWidgets() {
    JournalPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.openJournal(m_path));
    auto* side = child<QComboBox>(panel, "sideFilter");
    auto* reason = child<QComboBox>(panel, "reasonFilter");
    auto* run = child<QComboBox>(panel, "runFilter");
    auto* mode = child<QComboBox>(panel, "modeFilter");
    QCOMPARE(run->count(), 3);  // all, and the two runs
    QCOMPARE(mode->count(), 2); // all, backtest

    QVERIFY(chooseByKeyboard(side, QStringLiteral("long")));
    checkSummary(panel, QStringLiteral("side = 'long'"));
    QVERIFY(chooseByKeyboard(side, QStringLiteral("short")));
    checkSummary(panel, QStringLiteral("side = 'short'"));
    QVERIFY(chooseByKeyboard(reason, QStringLiteral("imbalance_reversal")));
    checkSummary(panel, QStringLiteral("side = 'short' AND exit_reason = 'imbalance_reversal'"));
    QVERIFY(chooseByKeyboard(run, QString::fromLatin1(guitest::kDefaultsRun)));
    checkSummary(panel, QStringLiteral("side = 'short' AND exit_reason = 'imbalance_reversal' AND "
                                       "run_id = 'backtest-defaults'"));
    QVERIFY(chooseByKeyboard(side, QString()));
    QVERIFY(chooseByKeyboard(reason, QStringLiteral("volume_fade")));
    checkSummary(panel, QStringLiteral("exit_reason = 'volume_fade' AND run_id = "
                                       "'backtest-defaults'"));
    QVERIFY(chooseByKeyboard(reason, QString()));
    QVERIFY(chooseByKeyboard(run, QString()));
    QVERIFY(chooseByKeyboard(mode, QStringLiteral("backtest")));
    checkSummary(panel, QStringLiteral("1"));
}

void TestJournalPanel::timeRangeThroughTheKeyboard() {
    JournalPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.openJournal(m_path));
    auto* fromCheck = child<QCheckBox>(panel, "fromEnabled");
    auto* fromEdit = child<QDateTimeEdit>(panel, "fromTime");
    QVERIFY(!fromEdit->isEnabled());
    QTest::mouseClick(fromCheck, Qt::LeftButton);
    QVERIFY(fromCheck->isChecked());
    QVERIFY(fromEdit->isEnabled());
    // The bound starts at the first exit (to the second): every trip still passes.
    checkSummary(panel, QStringLiteral("1"));
    // Into the minutes section (yyyy-MM-dd HH:mm:ss: the fifth) and two minutes later.
    fromEdit->setFocus(Qt::TabFocusReason);
    for (int i = 0; i < 4; ++i) {
        QTest::keyClick(fromEdit, Qt::Key_Tab);
    }
    QCOMPARE(fromEdit->currentSection(), QDateTimeEdit::MinuteSection);
    QTest::keyClick(fromEdit, Qt::Key_Up);
    QTest::keyClick(fromEdit, Qt::Key_Up);
    const qint64 from = fromEdit->dateTime().toMSecsSinceEpoch();
    checkSummary(panel, QStringLiteral("exit_time_ms >= %1").arg(from));
    QVERIFY(panel.summary().trades > 0);
    SqlReader sql(m_path);
    QVERIFY(panel.summary().trades <
            sql.scalar(QStringLiteral("SELECT count(*) FROM round_trips")).toLongLong());
    // And an upper bound one minute later, inclusive to the end of its second.
    auto* toCheck = child<QCheckBox>(panel, "toEnabled");
    auto* toEdit = child<QDateTimeEdit>(panel, "toTime");
    QTest::mouseClick(toCheck, Qt::LeftButton);
    toEdit->setFocus(Qt::TabFocusReason);
    for (int i = 0; i < 4; ++i) {
        QTest::keyClick(toEdit, Qt::Key_Tab);
    }
    while (toEdit->dateTime().toMSecsSinceEpoch() > from + 60000) {
        QTest::keyClick(toEdit, Qt::Key_Down);
    }
    const qint64 to = toEdit->dateTime().toMSecsSinceEpoch() + 999;
    checkSummary(panel, QStringLiteral("exit_time_ms BETWEEN %1 AND %2").arg(from).arg(to));
    // Unticking removes the bound.
    QTest::mouseClick(fromCheck, Qt::LeftButton);
    QTest::mouseClick(toCheck, Qt::LeftButton);
    checkSummary(panel, QStringLiteral("1"));
}

void TestJournalPanel::exportsCsvThroughTheButton() {
    JournalPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.openJournal(m_path));
    QVERIFY(chooseByKeyboard(child<QComboBox>(panel, "sideFilter"), QStringLiteral("long")));
    const QString csvPath = m_dir.filePath(QStringLiteral("long-trades.csv"));
    bool typed = false;
    // The save dialog is modal: answer it as a user would, typing the name and pressing Enter
    // (first Escape, when the file-name completer's list is open and would take the Enter).
    QTimer poll;
    connect(&poll, &QTimer::timeout, &poll, [&] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        auto* name =
            dialog ? dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit")) : nullptr;
        if (!name) {
            return;
        }
        if (!typed) {
            name->clear();
            QTest::keyClicks(name, csvPath);
            typed = true;
            return;
        }
        if (name->completer() && name->completer()->popup()->isVisible()) {
            QTest::keyClick(name->completer()->popup(), Qt::Key_Escape);
            return;
        }
        QTest::keyClick(name, Qt::Key_Return);
    });
    poll.start(50);
    QTest::mouseClick(child<QPushButton>(panel, "exportCsv"), Qt::LeftButton);
    QVERIFY(typed);
    QFile file(csvPath);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(csvPath));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"));
    SqlReader sql(m_path);
    const auto rows = sql.rows(QStringLiteral(
        "SELECT run_id, trip_id, side, qty, avg_entry_price, avg_exit_price, gross_pnl, fees, "
        "funding, net_pnl, exit_reason, entry_time_ms, exit_time_ms FROM round_trips "
        "WHERE side = 'long' ORDER BY exit_time_ms, id"));
    QVERIFY(rows.size() > 0);
    QCOMPARE(lines.size(), rows.size() + 2); // header, rows, and the empty rest after the last CRLF
    QVERIFY(lines[0].startsWith(QStringLiteral("run_id,trip_id,side,entry_time,exit_time,qty,")));
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList f = lines[r + 1].split(QLatin1Char(','));
        const auto& row = rows[r];
        QCOMPARE(f[JournalModel::RunColumn], row[0].toString());
        QCOMPARE(f[JournalModel::TripColumn], row[1].toString());
        QCOMPARE(f[JournalModel::SideColumn], row[2].toString());
        QCOMPARE(f[JournalModel::SizeColumn], row[3].toString());
        QCOMPARE(f[JournalModel::EntryPriceColumn], row[4].toString());
        QCOMPARE(f[JournalModel::ExitPriceColumn], row[5].toString());
        QCOMPARE(f[JournalModel::GrossPnlColumn], row[6].toString());
        QCOMPARE(f[JournalModel::FeesColumn], row[7].toString());
        QCOMPARE(f[JournalModel::FundingColumn], row[8].toString());
        QCOMPARE(f[JournalModel::NetPnlColumn], row[9].toString());
        QCOMPARE(f[JournalModel::ExitReasonColumn], row[10].toString());
        QCOMPARE(f[JournalModel::EntryTimeColumn], iso(row[11].toLongLong()));
        QCOMPARE(f[JournalModel::ExitTimeColumn], iso(row[12].toLongLong()));
    }
    // A directory that cannot be written: the panel says so.
    QString error;
    QVERIFY(!panel.exportCsv(QStringLiteral("/nonexistent-dir/x.csv"), &error));
    QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/x.csv")));
    QVERIFY(child<QLabel>(panel, "journalMessage")->isVisible());
}

void TestJournalPanel::doubleClickActivatesTheTrade() {
    JournalPanel panel;
    panel.resize(1200, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.openJournal(m_path));
    QSignalSpy activated(&panel, &JournalPanel::tradeActivated);
    auto* table = child<QTableView>(panel, "tradeTable");
    const int row = 2;
    const QRect cell = table->visualRect(table->model()->index(row, JournalModel::SideColumn));
    QVERIFY(table->viewport()->rect().contains(cell.center()));
    // A double-click is a press and release, then the double-click event (QTest's mouseDClick
    // on a widget sends only the latter, and the view needs the press first).
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(activated.count(), 1);
    SqlReader sql(m_path);
    const auto rows = sql.rows(QStringLiteral("SELECT run_id, trip_id, entry_time_ms, exit_time_ms "
                                              "FROM round_trips ORDER BY exit_time_ms, id"));
    const auto args = activated.takeFirst();
    QCOMPARE(args[0].toString(), rows[row][0].toString());
    QCOMPARE(args[1].toLongLong(), rows[row][1].toLongLong());
    QCOMPARE(args[2].toLongLong(), rows[row][2].toLongLong());
    QCOMPARE(args[3].toLongLong(), rows[row][3].toLongLong());
    // The run's recordings are there for the replay.
    QCOMPARE(panel.model()->run(args[0].toString())->dataFiles,
             QStringList{guitest::recordingPath()});
}

void TestJournalPanel::missingJournalAppearsLater() {
    const QString path = m_dir.filePath(QStringLiteral("later.sqlite"));
    JournalPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(!panel.openJournal(path));
    auto* message = child<QLabel>(panel, "journalMessage");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(path), qPrintable(message->text()));
    QCOMPARE(panel.filter()->rowCount(), 0);
    QVERIFY(child<QLabel>(panel, "summary")->text().contains(QStringLiteral("Trades 0 ")));
    // A session creates it: the panel's reload timer picks it up, and the message goes.
    QVERIFY(QFile::copy(m_path, path));
    QTRY_VERIFY_WITH_TIMEOUT(panel.filter()->rowCount() > 0, 5000);
    QVERIFY(!message->isVisible());
    SqlReader sql(path);
    QCOMPARE(panel.filter()->rowCount(),
             sql.scalar(QStringLiteral("SELECT count(*) FROM round_trips")).toInt());
    QCOMPARE(child<QComboBox>(panel, "runFilter")->count(), 3);
}

void TestJournalPanel::corruptJournalIsReported() {
    const QString path = m_dir.filePath(QStringLiteral("corrupt.sqlite"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("SQLite format 3");
        f.write(QByteArray(4096, '\x7f'));
    }
    JournalPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(!panel.openJournal(path));
    auto* message = child<QLabel>(panel, "journalMessage");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(path), qPrintable(message->text()));
    QCOMPARE(panel.filter()->rowCount(), 0);
    // Still usable: another journal opens fine.
    QVERIFY(panel.openJournal(m_path));
    QVERIFY(!message->isVisible());
    QVERIFY(panel.filter()->rowCount() > 0);
}

QTEST_MAIN(TestJournalPanel)
#include "tst_journal_panel.moc"
