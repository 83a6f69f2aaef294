#pragma once

// One backtest run: the market-data path (binance::MarketDataProcessor), the TradingEngine and
// the paper broker, wired as paper trading wires them. Fed either with raw frames (streaming from
// recordings) or with events of a decoded binance::EventTape (sweeps); both take the same path.

#include "binance/event_tape.h"
#include "binance/market_data_processor.h"
#include "core/paper_broker.h"
#include "engine/backtest_report.h"
#include "engine/trading_engine.h"

#include <string_view>

namespace hoga::app {

class BacktestSession {
public:
    BacktestSession(const core::InstrumentSpec& spec, const core::StrategyParams& params,
                    engine::Journal* journal);

    void onFrame(std::string_view frame, std::size_t capacity);
    void onTapeEntry(const binance::EventTape& tape, const binance::EventTape::Entry& entry);

    // Closes what is open and returns the report (elapsed time is the caller's to fill in).
    engine::BacktestReport finish(std::int64_t events, std::int64_t malformed);

    engine::TradingEngine& engine() { return m_engine; }
    const binance::MarketDataProcessor& processor() const { return m_processor; }

private:
    void feed(engine::MarketInput::Kind kind, const core::Trade* trade,
              const core::MarkPriceUpdate* mark);
    [[nodiscard]] engine::MarketState state() const;

    binance::MarketDataProcessor m_processor;
    engine::TradingEngine m_engine;
    core::PaperBroker m_broker;
    double m_krwPerUsdt;
};

} // namespace hoga::app
