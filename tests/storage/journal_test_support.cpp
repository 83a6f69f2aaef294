#include "journal_test_support.h"

#include <sqlite3.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

namespace hoga::storage::testing {

namespace {

struct Connection {
    sqlite3* db = nullptr;
    Connection(const std::string& path, int flags) {
        sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    }
    ~Connection() { sqlite3_close_v2(db); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
};

} // namespace

std::vector<Row> selectRows(const std::string& path, const std::string& sql, std::string* error) {
    std::vector<Row> rows;
    Connection conn(path, SQLITE_OPEN_READONLY);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(conn.db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        if (error != nullptr) {
            *error = sqlite3_errmsg(conn.db);
        }
        return rows;
    }
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        Row row;
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            Cell cell;
            cell.type = sqlite3_column_type(stmt, i);
            if (cell.type == SQLITE_INTEGER) {
                cell.integer = sqlite3_column_int64(stmt, i);
            } else if (cell.type == SQLITE_FLOAT) {
                cell.real = sqlite3_column_double(stmt, i);
            } else if (cell.type == SQLITE_TEXT) {
                cell.text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
            }
            row[sqlite3_column_name(stmt, i)] = cell;
        }
        rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE && error != nullptr) {
        *error = sqlite3_errmsg(conn.db);
    }
    sqlite3_finalize(stmt);
    return rows;
}

std::int64_t selectInt(const std::string& path, const std::string& sql, std::int64_t fallback) {
    const std::vector<Row> rows = selectRows(path, sql);
    if (rows.empty() || rows.front().empty()) {
        return fallback;
    }
    const Cell& cell = rows.front().begin()->second;
    return cell.type == SQLITE_INTEGER ? cell.integer : fallback;
}

bool execSql(const std::string& path, const std::string& sql, std::string* error) {
    Connection conn(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    char* message = nullptr;
    if (sqlite3_exec(conn.db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        if (error != nullptr) {
            *error = message != nullptr ? message : sqlite3_errmsg(conn.db);
        }
        sqlite3_free(message);
        return false;
    }
    return true;
}

std::string columnsOf(const std::string& path, const std::string& table) {
    std::string names;
    for (const Row& row :
         selectRows(path, "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid")) {
        names += names.empty() ? "" : " ";
        names += row.at("name").text;
    }
    return names;
}

std::vector<char> readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::string& path, const std::vector<char>& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::vector<char> randomBytes(std::size_t size, unsigned seed) {
    std::mt19937 generator(seed);
    std::vector<char> bytes(size);
    for (char& byte : bytes) {
        byte = static_cast<char>(generator() & 0xFF);
    }
    return bytes;
}

engine::RunInfo sampleRun(const std::string& runId) {
    engine::RunInfo run;
    run.runId = runId;
    run.mode = "backtest";
    run.symbol = "BTCUSDT";
    run.paramsJson = R"({"volumeRatio":2.5,"imbalance":0.3})";
    run.dataFiles = {"recordings/a.gz", "b \"quoted\"\\x.gz"};
    run.codeVersion = "0.1.0-test";
    run.startingBalance = core::Fixed8{72463768116};
    return run;
}

core::OrderRequest sampleOrder() {
    core::OrderRequest order;
    order.clientOrderId = "hoga-r1-1";
    order.side = core::Side::Buy;
    order.qty = core::Qty{15}; // 0.015
    order.reduceOnly = false;
    order.decisionTimeMs = 1723075200123;
    return order;
}

engine::OrderIntent sampleEntryIntent() {
    engine::OrderIntent intent;
    intent.purpose = "entry";
    intent.features = sampleRoundTrip().atEntry;
    return intent;
}

core::OrderRequest sampleExitOrder() {
    core::OrderRequest order = sampleOrder();
    order.clientOrderId = "hoga-r1-2";
    order.side = core::Side::Sell;
    order.reduceOnly = true;
    order.decisionTimeMs = 1723075260990;
    return order;
}

engine::OrderIntent sampleExitIntent() {
    engine::OrderIntent intent;
    intent.purpose = "exit";
    intent.exitReason = core::ExitReason::StopLoss;
    intent.features = sampleRoundTrip().atExit;
    intent.features.volumeRatio = std::numeric_limits<double>::quiet_NaN();
    return intent;
}

engine::FundingRecord sampleFunding() {
    engine::FundingRecord funding;
    funding.timeMs = 1723075200160;
    funding.fundingTimeMs = 1723075200000;
    funding.tripId = 7;
    funding.side = core::PositionSide::Long;
    funding.qty = core::Qty{15};
    funding.markPrice = core::Fixed8{6180030000000};
    funding.rate = core::Fixed8{10000};
    funding.amount = core::Fixed8{-9270045}; // 61800.3 × 0.015 × 0.0001 = 0.092700450
    return funding;
}

core::Fill sampleFill() {
    core::Fill fill;
    fill.clientOrderId = "hoga-r1-1";
    fill.side = core::Side::Buy;
    fill.price = core::Price{618003}; // 61800.30
    fill.qty = core::Qty{10};
    fill.fee = core::Fixed8{24720120}; // 0.2472012 = 618.003 × 0.0004
    fill.maker = false;
    fill.timeMs = 1723075200150;
    return fill;
}

core::Fill sampleRebateFill() {
    core::Fill fill = sampleFill();
    fill.price = core::Price{618004};
    fill.qty = core::Qty{5};
    fill.fee = core::Fixed8{-1234}; // a rebate
    fill.maker = true;
    fill.timeMs = 1723075200151;
    return fill;
}

core::RoundTrip sampleRoundTrip() {
    core::RoundTrip trip;
    trip.id = 7;
    trip.side = core::PositionSide::Long;
    trip.entryTimeMs = 1723075200151;
    trip.exitTimeMs = 1723075260999;
    trip.qty = core::Qty{15};
    trip.entryNotional = core::Notional{618003 * 10 + 618004 * 5}; // 9270050
    trip.exitNotional = core::Notional{618100 * 15};               // 9271500
    trip.grossPnl = core::Fixed8{14500000};                        // 1450 units × 0.0001
    trip.fees = core::Fixed8{61800000};
    trip.funding = core::Fixed8{-100};
    trip.netPnl = core::Fixed8{14500000 - 61800000 - 100};
    trip.exitReason = core::ExitReason::TakeProfit;
    trip.atEntry = {
        1723075200123,      2.75, -0.125, 3.5, 0.625, core::Price{618002}, core::Price{618001},
        core::Price{618002}};
    trip.atExit = {
        1723075260990,      0.5, 0.25, -1.25, 0.375, core::Price{618100}, core::Price{618099},
        core::Price{618100}};
    return trip;
}

engine::RefusalRecord sampleRefusal() {
    engine::RefusalRecord refusal;
    refusal.timeMs = 1723075300000;
    refusal.side = core::PositionSide::Short;
    refusal.refusal = core::Refusal::MinNotional;
    refusal.detail = "notional 99.90 < 100";
    refusal.features = {1723075299999,
                        std::numeric_limits<double>::quiet_NaN(),
                        0.5,
                        -7.0,
                        0.25,
                        core::Price{617000},
                        core::Price{616999},
                        core::Price{617000}};
    return refusal;
}

engine::EquitySample sampleEquity() {
    engine::EquitySample sample;
    sample.timeMs = 1723075261000;
    sample.balance = core::Fixed8{1000 * core::Fixed8::kOne};
    sample.equity = core::Fixed8{100014500000 - 1};
    sample.side = core::PositionSide::Long;
    sample.qty = core::Qty{15};
    return sample;
}

void writeScript(SqliteJournal& journal, const std::string& runId, int events, int flushEvery) {
    journal.recordRun(sampleRun(runId));
    for (int i = 0; i < events; ++i) {
        const std::int64_t t = 1723075200000 + i * 1000;
        core::OrderRequest order = sampleOrder();
        order.clientOrderId = "hoga-" + runId + "-" + std::to_string(i);
        order.decisionTimeMs = t;
        order.side = i % 2 == 0 ? core::Side::Buy : core::Side::Sell;
        engine::OrderIntent intent;
        intent.purpose = i % 2 == 0 ? "entry" : "exit";
        if (i % 2 == 1) {
            intent.exitReason = core::ExitReason::ImbalanceReversal;
        }
        intent.features = sampleRoundTrip().atEntry;
        journal.recordOrder(order, intent);
        core::Fill fill = sampleFill();
        fill.clientOrderId = order.clientOrderId;
        fill.price = core::Price{618000 + i};
        fill.fee = core::Fixed8{i * 1000};
        fill.timeMs = t + 5;
        journal.recordFill(fill);
        if (i % 2 == 1) {
            core::RoundTrip trip = sampleRoundTrip();
            trip.id = i / 2;
            trip.exitTimeMs = t + 5;
            trip.atExit.imbalance = i * 0.001;
            journal.recordRoundTrip(trip);
        }
        if (i % 5 == 0) {
            engine::RefusalRecord refusal = sampleRefusal();
            refusal.timeMs = t + 7;
            journal.recordRefusal(refusal);
        }
        engine::EquitySample sample = sampleEquity();
        sample.timeMs = t + 9;
        sample.equity = core::Fixed8{sample.balance.e8 + i};
        journal.recordEquity(sample);
        if (flushEvery > 0 && i % flushEvery == 0) {
            journal.flush();
        }
    }
}

int runInChild(const std::function<int()>& body) {
    std::fflush(nullptr); // or the child's exit would write the parent's buffered output again
    const pid_t pid = fork();
    if (pid == 0) {
        _exit(body());
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid) {
        return -1;
    }
    return status;
}

} // namespace hoga::storage::testing
