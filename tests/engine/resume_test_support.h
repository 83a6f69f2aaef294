#pragma once

// Helpers of tst_engine_resume: two engines on one hand-made market, the wiring of a paper session
// fed from a decoded tape (app::BacktestSession's, with a run id of its own), exact comparisons of
// positions and round trips, and SQL reads of a journal file on a connection of its own.

#include <QTest>

#include "binance/event_tape.h"
#include "binance/market_data_processor.h"
#include "core/paper_broker.h"
#include "engine/trading_engine.h"

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <string>
#include <vector>

namespace hoga::testing {

using core::Price;
using core::Qty;
using core::Side;

constexpr std::int64_t kBase = 614400; // 61,440.0
constexpr std::int64_t kUp = 614700;   // +4.8828125 bps: the momentum threshold exactly

// The parameters of tst_trading_engine: entries exactly at their thresholds.
inline core::StrategyParams handMadeParams(std::int64_t latencyMs) {
    core::StrategyParams p;
    p.volumeLookback = 3;
    p.volumeBurstRatio = 3.0;
    p.imbalanceLevels = 10;
    p.imbalanceEntry = 0.3;
    p.imbalanceExit = 0.3;
    p.momentumWindowMs = 5000;
    p.momentumBps = 4.8828125;
    p.latencyMs = latencyMs;
    return p;
}

inline engine::RunInfo paperRun(const std::string& id, const core::StrategyParams&,
                                const engine::TradingEngine& engine,
                                const std::string& resumedFrom) {
    engine::RunInfo run;
    run.runId = id;
    run.mode = "paper";
    run.symbol = "BTCUSDT";
    run.paramsJson = "{}";
    run.codeVersion = "test";
    run.resumedFrom = resumedFrom;
    run.startingBalance = engine.balance();
    return run;
}

inline bool sameFeatures(const core::FeatureSnapshot& a, const core::FeatureSnapshot& b) {
    const auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
    return a.timeMs == b.timeMs && same(a.volumeRatio, b.volumeRatio) &&
           same(a.imbalance, b.imbalance) && same(a.momentumBps, b.momentumBps) &&
           same(a.takerBuyShare, b.takerBuyShare) && a.lastPrice == b.lastPrice &&
           a.bestBid == b.bestBid && a.bestAsk == b.bestAsk;
}

inline bool samePosition(const core::Position& a, const core::Position& b) {
    return a.side == b.side && a.qty == b.qty && a.entryNotional == b.entryNotional &&
           a.entryTimeMs == b.entryTimeMs && a.entryFees == b.entryFees && a.funding == b.funding &&
           sameFeatures(a.atEntry, b.atEntry);
}

inline bool sameTrip(const core::RoundTrip& a, const core::RoundTrip& b) {
    return a.id == b.id && a.side == b.side && a.entryTimeMs == b.entryTimeMs &&
           a.exitTimeMs == b.exitTimeMs && a.qty == b.qty && a.entryNotional == b.entryNotional &&
           a.exitNotional == b.exitNotional && a.grossPnl == b.grossPnl && a.fees == b.fees &&
           a.funding == b.funding && a.netPnl == b.netPnl && a.exitReason == b.exitReason &&
           sameFeatures(a.atEntry, b.atEntry);
}

inline std::int64_t sqlInt(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    std::int64_t value = INT64_MIN;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW) {
            value = sqlite3_column_int64(stmt, 0);
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close_v2(db);
    return value;
}

// A run's balance from its own rows: starting balance + gross PnL - fees + funding.
inline std::int64_t runEndBalance(const std::string& path, const std::string& run) {
    const std::string id = "'" + run + "'";
    return sqlInt(path, "SELECT starting_balance_e8"
                        " + coalesce((SELECT sum(gross_pnl_e8) FROM round_trips WHERE run_id = " +
                            id + "), 0) - coalesce((SELECT sum(fee_e8) FROM fills WHERE run_id = " +
                            id + "), 0) + coalesce((SELECT sum(amount_e8) FROM funding WHERE " +
                            "run_id = " + id + "), 0) FROM runs WHERE id = " + id);
}

// Two engines on one hand-made market (one book, one candle series), each with its own paper
// broker: the original keeps running, the restored one joins at the restart.
struct TwinMarket {
    core::InstrumentSpec spec = core::InstrumentSpec::btcusdtDefaults();
    core::StrategyParams params;
    core::OrderBook book;
    core::CandleAggregator candles;
    std::vector<engine::TradingEngine*> engines;

    explicit TwinMarket(core::StrategyParams p) : params(p), candles(p.candleIntervalMs, 4096) {}
    engine::MarketState state() const { return {book, candles, true}; }
    void entryBook(std::int64_t bid, std::int64_t ask) {
        book.clear();
        book.set(Side::Buy, Price{bid}, Qty{130});
        book.set(Side::Sell, Price{ask}, Qty{70});
    }
    void trade(std::int64_t timeMs, std::int64_t ticks, std::int64_t lots) {
        core::Trade t;
        t.eventTimeMs = timeMs;
        t.tradeTimeMs = timeMs;
        t.price = Price{ticks};
        t.qty = Qty{lots};
        candles.addTrade(t);
        engine::MarketInput in;
        in.kind = engine::MarketInput::Kind::Trade;
        in.timeMs = timeMs;
        in.trade = &t;
        for (auto* e : engines) {
            e->onMarket(in, state());
        }
    }
    void tick(std::int64_t timeMs) {
        candles.advanceTo(timeMs);
        engine::MarketInput in;
        in.kind = engine::MarketInput::Kind::BookUpdate;
        in.timeMs = timeMs;
        for (auto* e : engines) {
            e->onMarket(in, state());
        }
    }
    void mark(std::int64_t timeMs, std::int64_t nextFundingMs) {
        core::MarkPriceUpdate m;
        m.eventTimeMs = timeMs;
        m.markPrice = core::Fixed8{6147000000000}; // 61,470.0
        m.fundingRate = core::Fixed8{10000};       // 0.0001
        m.nextFundingTimeMs = nextFundingMs;
        engine::MarketInput in;
        in.kind = engine::MarketInput::Kind::MarkPrice;
        in.timeMs = timeMs;
        in.mark = &m;
        for (auto* e : engines) {
            e->onMarket(in, state());
        }
    }
    // Warm-up, an entry at exactly the thresholds at 11.5 s, and a funding payment at 12 s.
    void openLong(std::int64_t latencyMs) {
        entryBook(kBase - 10, kBase);
        for (std::int64_t t = 1000; t <= 10000; t += 1000) {
            trade(t, kBase, 2);
        }
        entryBook(kUp - 10, kUp);
        trade(11500, kUp, 3);
        if (latencyMs > 0) {
            tick(11500 + latencyMs);
        }
        mark(11600, 12000);
        tick(12000);
    }
    // The market collapses through the 5 % stop (58,396.5) onto a thin book.
    void collapseBook() {
        book.clear();
        book.set(Side::Buy, Price{583900}, Qty{5});
        book.set(Side::Buy, Price{583800}, Qty{100});
        book.set(Side::Sell, Price{583970}, Qty{1});
    }
};

// The wiring of a paper session (app::BacktestSession's, with a run id of its own): the market
// data path, the engine and the paper broker, fed with a decoded tape's events.
struct PaperSession {
    binance::MarketDataProcessor processor;
    engine::TradingEngine engine;
    core::PaperBroker broker;

    static binance::MarketDataProcessor::Options feedOptions(const core::StrategyParams& p) {
        binance::MarketDataProcessor::Options o;
        o.candleIntervalMs = p.candleIntervalMs;
        o.candlesKept = std::max<std::size_t>(4096, static_cast<std::size_t>(p.volumeLookback) * 4);
        return o;
    }
    PaperSession(const core::InstrumentSpec& spec, const core::StrategyParams& p,
                 const std::string& runId, engine::Journal* journal)
        : processor(spec, feedOptions(p)), engine(spec, p, runId, journal),
          broker(processor.book(), spec, p.latencyMs, core::percentToRateE8(p.takerFeePct),
                 engine.executionListener()) {
        engine.setGateway(&broker);
    }
    engine::MarketState state() const {
        return {processor.book(), processor.candles(), processor.bookVerified()};
    }
    void feed(engine::MarketInput::Kind kind, const core::Trade* trade = nullptr,
              const core::MarkPriceUpdate* mark = nullptr) {
        engine::MarketInput input;
        input.kind = kind;
        input.timeMs = processor.counters().lastEventTimeMs;
        input.trade = trade;
        input.mark = mark;
        engine.onMarket(input, state());
    }
    void onTapeEntry(const binance::EventTape& tape, const binance::EventTape::Entry& entry) {
        using Kind = engine::MarketInput::Kind;
        switch (entry.kind) {
        case binance::EventTape::Kind::Depth:
            processor.onDepthUpdate(tape.depth[entry.index]);
            feed(Kind::BookUpdate);
            break;
        case binance::EventTape::Kind::Snapshot:
            processor.onSnapshot(tape.snapshots[entry.index]);
            feed(Kind::BookUpdate);
            break;
        case binance::EventTape::Kind::Trade:
            processor.onTradeEvent(tape.trades[entry.index]);
            if (processor.lastTradeUsed()) {
                feed(Kind::Trade, &tape.trades[entry.index]);
            }
            break;
        case binance::EventTape::Kind::Ticker:
            processor.onBookTicker(tape.tickers[entry.index]);
            feed(Kind::Ticker);
            break;
        case binance::EventTape::Kind::Mark:
            processor.onOtherEvent(entry.timeMs);
            feed(Kind::MarkPrice, nullptr, &tape.marks[entry.index]);
            break;
        case binance::EventTape::Kind::Other:
            processor.onOtherEvent(entry.timeMs);
            feed(Kind::Other);
            break;
        }
    }
};

} // namespace hoga::testing
