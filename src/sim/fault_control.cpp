#include "fault_control.h"

#include "sim/rest_server.h"
#include "sim/stream_server.h"

#include <QHttpServerResponse>

namespace hoga::sim {

namespace {
QHttpServerResponse
jsonResponse(const std::string& body,
             QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok) {
    return QHttpServerResponse(QByteArrayLiteral("application/json"),
                               QByteArray::fromStdString(body), status);
}
} // namespace

FaultControl::FaultControl(StreamServer& streams, QObject* parent)
    : QObject(parent), m_streams(streams) {
    m_streams.setFaultPlan(&m_plan);
    connect(&m_dropTimer, &QTimer::timeout, this, [this] { m_streams.dropAll(); });
}

bool FaultControl::apply(const std::string& spec, std::string& error) {
    FaultActions actions;
    if (!m_plan.apply(spec, actions, error)) {
        return false;
    }
    if (actions.dropNow) {
        m_streams.dropAll();
    }
    if (actions.stallMs > 0) {
        m_streams.stall(actions.stallMs);
    }
    planChanged();
    return true;
}

void FaultControl::clear() {
    m_plan.clear();
    planChanged();
}

void FaultControl::planChanged() {
    const qint64 every = m_plan.dropEveryMs();
    if (every <= 0) {
        m_dropTimer.stop();
    } else if (!m_dropTimer.isActive() || m_dropTimer.interval() != every) {
        m_dropTimer.start(
            static_cast<int>(std::min<qint64>(every, std::numeric_limits<int>::max())));
    }
}

void FaultControl::attach(RestServer& rest) {
    rest.setFaultPlan(&m_plan);
    rest.route(QStringLiteral("/sim/faults"), QHttpServerRequest::Method::Get,
               [this](const QHttpServerRequest&) { return jsonResponse(m_plan.stateJson()); });
    rest.route(QStringLiteral("/sim/faults"), QHttpServerRequest::Method::Delete,
               [this](const QHttpServerRequest&) {
                   clear();
                   return jsonResponse(m_plan.stateJson());
               });
    rest.route(QStringLiteral("/sim/faults"), QHttpServerRequest::Method::Post,
               [this](const QHttpServerRequest& request) {
                   std::string error;
                   if (!apply(request.body().toStdString(), error)) {
                       return jsonResponse(R"({"code":-1,"msg":")" + error + "\"}",
                                           QHttpServerResponse::StatusCode::BadRequest);
                   }
                   return jsonResponse(m_plan.stateJson());
               });
}

} // namespace hoga::sim
