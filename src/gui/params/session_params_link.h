#pragma once

// Carries the threshold editor's Apply to a running live::LiveSession and the engine's answer
// back: applyParams() is a queued command the engine thread runs between events, and its `done`
// callback (on the engine thread) posts the outcome to the GUI thread. The editor learns the
// parameters in force only from the session's published snapshots, never from engine state.

#include <QObject>
#include <QString>

namespace hoga::live {
class LiveSession;
}

namespace hoga::gui {

class ThresholdEditor;

class SessionParamsLink : public QObject {
    Q_OBJECT

public:
    // `session` may be null (no session runs); it must outlive the link or be replaced first.
    SessionParamsLink(ThresholdEditor* editor, live::LiveSession* session,
                      QObject* parent = nullptr);

    void setSession(live::LiveSession* session);
    // Takes the parameters in force from the session's latest snapshot (call it from the station's
    // snapshot timer). False while the session has published none.
    bool refresh();

Q_SIGNALS:
    // The engine's answer, after the editor has been told.
    void applyAnswered(bool ok, const QString& error);

private:
    ThresholdEditor* m_editor;
    live::LiveSession* m_session;
};

} // namespace hoga::gui
