#include "session_params_link.h"

#include "gui/params/threshold_editor.h"
#include "live/live_session.h"

#include <QCoreApplication>
#include <QPointer>

namespace hoga::gui {

SessionParamsLink::SessionParamsLink(ThresholdEditor* editor, live::LiveSession* session,
                                     QObject* parent)
    : QObject(parent), m_editor(editor), m_session(nullptr) {
    connect(editor, &ThresholdEditor::applyRequested, this,
            [this](const core::StrategyParams& params) {
                if (!m_session) {
                    m_editor->showApplyResult(false, tr("No session is running."));
                    return;
                }
                // The callback outlives neither the application nor a destroyed link: it posts
                // to the application object and checks a guard on the GUI thread only.
                const QPointer<SessionParamsLink> self(this);
                m_session->applyParams(params, [self](bool ok, const std::string& error) {
                    const QString text = QString::fromStdString(error);
                    QMetaObject::invokeMethod(
                        QCoreApplication::instance(),
                        [self, ok, text] {
                            if (self) {
                                self->m_editor->showApplyResult(ok, text);
                                Q_EMIT self->applyAnswered(ok, text);
                            }
                        },
                        Qt::QueuedConnection);
                });
            });
    setSession(session);
}

void SessionParamsLink::setSession(live::LiveSession* session) {
    m_session = session;
    m_editor->setSessionRunning(session != nullptr);
    refresh();
}

bool SessionParamsLink::refresh() {
    if (!m_session) {
        return false;
    }
    const auto snapshot = m_session->snapshot();
    if (!snapshot) {
        return false;
    }
    m_editor->setCurrent(snapshot->params);
    return true;
}

} // namespace hoga::gui
