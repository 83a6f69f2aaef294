#include "fault_plan.h"

#include <fmt/format.h>

#include <charconv>
#include <vector>

namespace hoga::sim {

namespace {
enum class Arg : std::uint8_t { None, Rate, Ms, Seconds, RateMs, RateOptSeconds };

struct Known {
    const char* name;
    Arg arg;
};
constexpr Known kKnown[] = {
    {"ws-drop", Arg::None},
    {"ws-drop-every", Arg::Seconds},
    {"depth-skip", Arg::Rate},
    {"depth-dup", Arg::Rate},
    {"depth-reorder", Arg::Rate},
    {"malformed", Arg::Rate},
    {"stream-delay", Arg::Ms},
    {"stream-stall", Arg::Ms},
    {"rest-5xx", Arg::Rate},
    {"rest-timeout", Arg::RateMs},
    {"rest-1021", Arg::Rate},
    {"rest-1003", Arg::RateOptSeconds},
    {"order-2019", Arg::Rate},
    {"order-reject", Arg::Rate},
    {"listenkey-lifetime", Arg::Seconds},
};

bool parseNumber(std::string_view text, double& out) {
    if (text.empty()) {
        return false;
    }
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end && out >= 0;
}

std::string binanceError(int code, std::string_view msg) {
    return fmt::format(R"({{"code":{},"msg":"{}"}})", code, msg);
}
} // namespace

bool FaultPlan::apply(std::string_view spec, FaultActions& actions, std::string& error) {
    std::vector<std::pair<std::string, Item>> parsed;
    FaultActions pending;
    std::size_t pos = 0;
    while (pos < spec.size()) {
        const std::size_t stop = spec.find_first_of(",; \t\r\n", pos);
        const std::string_view item =
            spec.substr(pos, stop == std::string_view::npos ? spec.npos : stop - pos);
        pos = stop == std::string_view::npos ? spec.size() : stop + 1;
        if (item.empty()) {
            continue;
        }
        const std::size_t eq = item.find('=');
        const std::string_view name = item.substr(0, eq);
        const std::string_view args = eq == std::string_view::npos ? "" : item.substr(eq + 1);
        const Known* known = nullptr;
        for (const Known& k : kKnown) {
            if (name == k.name) {
                known = &k;
            }
        }
        if (!known) {
            error = fmt::format("unknown fault '{}'", name);
            return false;
        }
        const std::size_t colon = args.find(':');
        const std::string_view a1 = args.substr(0, colon);
        const std::string_view a2 = colon == std::string_view::npos ? "" : args.substr(colon + 1);
        Item it;
        it.text = std::string(item);
        bool ok = true;
        switch (known->arg) {
        case Arg::None:
            ok = args.empty();
            it.rate = 1;
            break;
        case Arg::Rate:
            ok = colon == std::string_view::npos && parseNumber(a1, it.rate) && it.rate <= 1;
            break;
        case Arg::Ms:
        case Arg::Seconds:
            ok = colon == std::string_view::npos && parseNumber(a1, it.value);
            it.rate = it.value > 0 ? 1 : 0;
            break;
        case Arg::RateMs:
            ok = parseNumber(a1, it.rate) && it.rate <= 1 && parseNumber(a2, it.value);
            break;
        case Arg::RateOptSeconds:
            ok = parseNumber(a1, it.rate) && it.rate <= 1 &&
                 (colon == std::string_view::npos || parseNumber(a2, it.value2));
            if (colon == std::string_view::npos) {
                it.value2 = 1;
            }
            break;
        }
        if (!ok) {
            error = fmt::format("bad value in '{}'", item);
            return false;
        }
        if (name == "ws-drop") {
            pending.dropNow = true;
        } else if (name == "stream-stall") {
            pending.stallMs = static_cast<std::int64_t>(it.value);
        } else {
            parsed.emplace_back(std::string(name), std::move(it));
        }
    }
    for (auto& [name, it] : parsed) {
        if (it.rate <= 0) {
            m_items.erase(name);
        } else {
            m_items[name] = std::move(it);
        }
    }
    actions = pending;
    return true;
}

void FaultPlan::clear() {
    m_items.clear();
}

std::string FaultPlan::spec() const {
    std::string out;
    for (const auto& [name, it] : m_items) {
        out += out.empty() ? "" : ",";
        out += it.text;
    }
    return out;
}

std::string FaultPlan::stateJson() const {
    std::string fired;
    for (const auto& [name, it] : m_items) {
        fired += fmt::format(R"({}"{}":{})", fired.empty() ? "" : ",", name, it.fired);
    }
    return fmt::format(R"({{"spec":"{}","fired":{{{}}}}})", spec(), fired);
}

const FaultPlan::Item* FaultPlan::find(const char* name) const {
    const auto it = m_items.find(std::string_view(name));
    return it == m_items.end() ? nullptr : &it->second;
}

bool FaultPlan::fires(const char* name) {
    const auto found = m_items.find(std::string_view(name));
    if (found == m_items.end()) {
        return false;
    }
    Item& it = found->second;
    it.acc += it.rate;
    if (it.acc >= 1.0 - 1e-9) {
        it.acc -= 1.0;
        ++it.fired;
        return true;
    }
    return false;
}

std::int64_t FaultPlan::streamDelayMs() const {
    const Item* it = find("stream-delay");
    return it ? static_cast<std::int64_t>(it->value) : 0;
}

std::int64_t FaultPlan::dropEveryMs() const {
    const Item* it = find("ws-drop-every");
    return it ? static_cast<std::int64_t>(it->value * 1000) : 0;
}

std::int64_t FaultPlan::listenKeyLifetimeMs(std::int64_t normalMs) const {
    const Item* it = find("listenkey-lifetime");
    return it ? static_cast<std::int64_t>(it->value * 1000) : normalMs;
}

RestFault FaultPlan::restFault(std::string_view path, bool isOrder, bool hasTimestamp) {
    RestFault f;
    if (path.starts_with("/sim/")) {
        return f;
    }
    if (fires("rest-5xx")) {
        f.reply = InjectedResponse{
            503,
            binanceError(-1001,
                         "Internal error; unable to process your request. Please try again."),
            0};
    } else if (fires("rest-1003")) {
        const Item* it = find("rest-1003");
        f.reply = InjectedResponse{
            429,
            binanceError(-1003, "Too many requests; current limit is 2400 requests per minute. "
                                "Please use the websocket for live updates to avoid polling the "
                                "API."),
            std::max(1, static_cast<int>(it->value2))};
    } else if (hasTimestamp && fires("rest-1021")) {
        f.reply = InjectedResponse{
            400, binanceError(-1021, "Timestamp for this request is outside of the recvWindow."),
            0};
    } else if (isOrder && fires("order-2019")) {
        f.reply = InjectedResponse{400, binanceError(-2019, "Margin is insufficient."), 0};
    } else if (fires("rest-timeout")) {
        f.delayMs = static_cast<std::int64_t>(find("rest-timeout")->value);
    }
    return f;
}

} // namespace hoga::sim
