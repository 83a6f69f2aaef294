// The threshold editor with real widgets: the field table covers StrategyParams, a dragged slider
// reaches a running live::LiveSession (fed the bundled recording through the real queue) as
// validated parameters, invalid combinations and restart-only fields are refused where they are
// edited, presets round-trip through a JSON file and reset restores the defaults.
#include <QTest>

#include "binance/event_tape.h"
#include "engine/params_json.h"
#include "gui/params/param_fields.h"
#include "gui/params/session_params_link.h"
#include "gui/params/threshold_editor.h"
#include "live/live_session.h"
#include "live/tape_feed.h"

#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTemporaryDir>

#include <set>

using namespace hoga;
using gui::ThresholdEditor;

namespace {

const std::string kRecording =
    std::string(HOGA_RECORDINGS) + "/hftbacktest_usdm_btcusdt_20240808.gz";

// Pushes tape entries [from, to) through the queue as the feed would.
void pushTape(binance::FeedEventQueue& queue, const binance::EventTape& tape, std::size_t from,
              std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
        live::pushTapeEntry(queue, tape, i);
    }
}

// A running paper session on the first part of the recording, its editor linked to it.
struct RunningSession {
    explicit RunningSession(const binance::EventTape& recording)
        : tape(recording), queue(1024), session(options(), queue, nullptr, [] {}),
          link(&editor, nullptr) {
        session.start();
        pushTape(queue, tape, 0, tape.entries.size() / 2);
        QTRY_VERIFY_WITH_TIMEOUT(session.snapshot() != nullptr, 10000);
        link.setSession(&session);
        editor.resize(900, 700);
        editor.show();
    }
    ~RunningSession() { session.stop(false, true); }
    static live::LiveSessionOptions options() {
        live::LiveSessionOptions o;
        o.params = core::StrategyParams::demo();
        o.runId = "editor";
        return o;
    }
    // The rest of the recording: the session publishes snapshots with what is in force then.
    void feedRest() { pushTape(queue, tape, tape.entries.size() / 2, tape.entries.size()); }

    const binance::EventTape& tape;
    binance::FeedEventQueue queue;
    live::LiveSession session;
    ThresholdEditor editor;
    gui::SessionParamsLink link;
};

// Drags a slider's handle by `dx` pixels with the mouse.
void dragSlider(QSlider* slider, int dx) {
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.orientation = slider->orientation();
    option.minimum = slider->minimum();
    option.maximum = slider->maximum();
    option.sliderPosition = slider->sliderPosition();
    option.sliderValue = slider->value();
    const QRect handle = slider->style()->subControlRect(QStyle::CC_Slider, &option,
                                                         QStyle::SC_SliderHandle, slider);
    const QPoint from = handle.center();
    QTest::mousePress(slider, Qt::LeftButton, Qt::NoModifier, from);
    for (int step = 1; step <= 4; ++step) {
        QTest::mouseMove(slider, from + QPoint(dx * step / 4, 0));
    }
    QTest::mouseRelease(slider, Qt::LeftButton, Qt::NoModifier, from + QPoint(dx, 0));
}

void typeInto(QDoubleSpinBox* spin, const QString& text) {
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, text);
}

} // namespace

class TestThresholdEditor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tableCoversEveryField();
    void tableRangesValidate();
    void draggedSliderReachesTheSession();
    void invalidCombinationRefusedInPlace();
    void restartOnlyFieldRefusedByTheEngine();
    void presetsRoundTripAndReset();

private:
    binance::EventTape m_tape;
};

void TestThresholdEditor::initTestCase() {
    m_tape = binance::decodeTape({kRecording}, core::InstrumentSpec::btcusdtDefaults());
    QVERIFY2(m_tape.error.empty(), m_tape.error.c_str());
    QVERIFY(m_tape.entries.size() > 1000);
}

void TestThresholdEditor::tableCoversEveryField() {
    // paramsToJson writes every field: its keys and the table's names are the same set.
    const auto json = engine::paramsToJson(core::StrategyParams::defaults());
    const QJsonObject object = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    std::set<QString> keys, names;
    for (auto it = object.begin(); it != object.end(); ++it) {
        keys.insert(it.key());
    }
    for (const gui::ParamField& f : gui::paramFields()) {
        QVERIFY2(names.insert(QString::fromLatin1(f.json)).second, f.json);
    }
    QCOMPARE(names, keys);
    // Each accessor pair reads and writes its own field: a changed value shows under its name
    // only, and the defaults sit inside the ranges on the slider grid.
    for (const gui::ParamField& f : gui::paramFields()) {
        core::StrategyParams p = core::StrategyParams::defaults();
        const double value = f.get(p) == f.max ? f.min : f.max;
        f.set(p, value);
        QCOMPARE(f.get(p), value);
        const QJsonObject changed =
            QJsonDocument::fromJson(QByteArray::fromStdString(engine::paramsToJson(p))).object();
        for (const QString& key : keys) {
            QCOMPARE(changed[key] == object[key], key != QString::fromLatin1(f.json));
        }
        for (const auto& start : {core::StrategyParams::defaults(), core::StrategyParams::demo()}) {
            const double v = f.get(start);
            QVERIFY2(v >= f.min && v <= f.max, f.json);
            QCOMPARE(f.valueAt(f.sliderPosition(v)), v);
        }
        QVERIFY(!gui::paramLabel(f).isEmpty());
    }
}

void TestThresholdEditor::tableRangesValidate() {
    QVERIFY(core::StrategyParams::defaults().validate().empty());
    QVERIFY(core::StrategyParams::demo().validate().empty());
    // Both ends of every range pass validate() on their own; what fails there is a rule against
    // another field (fade below burst, stop before liquidation), and that names the other field.
    for (const gui::ParamField& f : gui::paramFields()) {
        for (const double end : {f.min, f.max}) {
            core::StrategyParams p = core::StrategyParams::defaults();
            f.set(p, end);
            for (const std::string& problem : p.validate()) {
                const auto named = gui::fieldsNamedIn(problem);
                QVERIFY2(named.size() > 1, problem.c_str());
                QVERIFY2(std::find(named.begin(), named.end(), &f) != named.end(), problem.c_str());
            }
        }
    }
}

void TestThresholdEditor::draggedSliderReachesTheSession() {
    RunningSession s(m_tape);
    ThresholdEditor& editor = s.editor;
    QCOMPARE(editor.current(), core::StrategyParams::demo()); // from the snapshot
    QCOMPARE(editor.edited(), core::StrategyParams::demo());
    QVERIFY(!editor.applyButton()->isEnabled()); // nothing to apply yet

    QSlider* slider = editor.slider("volume_burst_ratio");
    QDoubleSpinBox* spin = editor.spinBox("volume_burst_ratio");
    QVERIFY(slider && spin);
    QCOMPARE(spin->value(), 2.0);
    QSignalSpy edits(&editor, &ThresholdEditor::paramsEdited);
    dragSlider(slider, slider->width() / 8);
    QVERIFY(slider->value() > 19); // moved right of 2.0 = position 19
    const gui::ParamField& field = *gui::findParamField("volume_burst_ratio");
    const double dragged = field.valueAt(slider->value());
    QCOMPARE(spin->value(), dragged);
    QCOMPARE(editor.edited().volumeBurstRatio, dragged);
    QVERIFY(!edits.isEmpty());
    QVERIFY(edits.last().at(1).toBool());

    // The keyboard on the focused slider moves it one step, and the spin box follows.
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Right);
    const double final = field.valueAt(slider->value());
    QCOMPARE(final, dragged + 0.1);
    QCOMPARE(spin->value(), final);

    QSignalSpy requested(&editor, &ThresholdEditor::applyRequested);
    QSignalSpy answered(&s.link, &gui::SessionParamsLink::applyAnswered);
    QVERIFY(editor.applyButton()->isEnabled());
    QTest::mouseClick(editor.applyButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    const auto sent = requested.at(0).at(0).value<core::StrategyParams>();
    QVERIFY(sent.validate().empty());
    QCOMPARE(sent.volumeBurstRatio, final);
    QVERIFY(!editor.applyButton()->isEnabled()); // one apply at a time
    QTest::mouseClick(editor.applyButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);

    QVERIFY(answered.wait(10000));
    QCOMPARE(answered.at(0).at(0).toBool(), true);
    QVERIFY(!editor.applyPending());
    QCOMPARE(editor.current(), sent);
    s.feedRest();
    QTRY_COMPARE_WITH_TIMEOUT(s.session.snapshot()->params.volumeBurstRatio, final, 10000);
    QCOMPARE(s.session.snapshot()->params, sent);
}

void TestThresholdEditor::invalidCombinationRefusedInPlace() {
    ThresholdEditor editor;
    editor.resize(900, 700);
    editor.show();
    editor.setEdited(core::StrategyParams::demo()); // an edit: Apply is open
    QVERIFY(editor.applyButton()->isEnabled());
    QSignalSpy requested(&editor, &ThresholdEditor::applyRequested);

    // Fade at or above the burst ratio (2.0 in demo) makes no sense: both fields are marked,
    // the message sits next to the fade ratio, and Apply is closed.
    QDoubleSpinBox* fade = editor.spinBox("volume_fade_ratio");
    typeInto(fade, QStringLiteral("2.5"));
    QCOMPARE(editor.edited().volumeFadeRatio, 2.5);
    QLabel* message = editor.messageLabel("volume_fade_ratio");
    QVERIFY(message->isVisible());
    // The core's rule, with the other field's label for its JSON name (gui/params/param_problems).
    QVERIFY2(message->text().contains(QStringLiteral("below Volume burst ratio")),
             qPrintable(message->text()));
    QVERIFY(editor.marked("volume_fade_ratio"));
    QVERIFY(editor.marked("volume_burst_ratio"));
    QVERIFY(fade->property("invalid").toBool());
    QVERIFY(!editor.messageLabel("volume_burst_ratio")->isVisible());
    QVERIFY(!editor.applyButton()->isEnabled());
    QTest::mouseClick(editor.applyButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 0);

    // A candle interval off the whole-second grid is refused the same way, on its own.
    typeInto(editor.spinBox("candle_interval_ms"), QStringLiteral("1500"));
    QVERIFY(editor.messageLabel("candle_interval_ms")->text().contains(QStringLiteral("seconds")));
    QVERIFY(editor.marked("candle_interval_ms"));

    // Fixing both opens Apply again and clears the marks.
    typeInto(editor.spinBox("candle_interval_ms"), QStringLiteral("2000"));
    typeInto(fade, QStringLiteral("0.4"));
    QVERIFY(!editor.marked("volume_fade_ratio"));
    QVERIFY(!editor.marked("volume_burst_ratio"));
    QVERIFY(!editor.messageLabel("volume_fade_ratio")->isVisible());
    QVERIFY(editor.applyButton()->isEnabled());
    QTest::mouseClick(editor.applyButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).value<core::StrategyParams>().volumeFadeRatio, 0.4);
}

void TestThresholdEditor::restartOnlyFieldRefusedByTheEngine() {
    RunningSession s(m_tape);
    ThresholdEditor& editor = s.editor;
    QLabel* tag = editor.restartTag("latency_ms");
    QVERIFY(tag->isVisible()); // a session runs
    QVERIFY(!editor.restartTag("volume_burst_ratio")->isVisible());

    typeInto(editor.spinBox("latency_ms"), QStringLiteral("50"));
    QCOMPARE(editor.edited().latencyMs, std::int64_t{50});
    QCOMPARE(tag->text(), ThresholdEditor::tr("needs a restart"));
    QVERIFY(editor.applyButton()->isEnabled()); // valid: the engine decides
    QSignalSpy answered(&s.link, &gui::SessionParamsLink::applyAnswered);
    QTest::mouseClick(editor.applyButton(), Qt::LeftButton);
    QVERIFY(answered.wait(10000));
    QCOMPARE(answered.at(0).at(0).toBool(), false);
    const QString error = answered.at(0).at(1).toString();
    QCOMPARE(error, QStringLiteral("needs a restart to change: latency_ms"));
    QLabel* message = editor.messageLabel("latency_ms");
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), QStringLiteral("needs a restart to change: Order latency"));
    QVERIFY(editor.marked("latency_ms"));
    QVERIFY(editor.statusLabel()->text().contains(
        QStringLiteral("needs a restart to change: Order latency")));
    QCOMPARE(editor.current(), core::StrategyParams::demo());
    s.feedRest();
    QCOMPARE(s.session.snapshot()->params.latencyMs, core::StrategyParams::demo().latencyMs);

    // Editing again clears the refusal; the tag stays until the value matches what is in force.
    typeInto(editor.spinBox("latency_ms"), QStringLiteral("20"));
    QVERIFY(!editor.marked("latency_ms"));
    QCOMPARE(tag->text(), ThresholdEditor::tr("restart"));
}

void TestThresholdEditor::presetsRoundTripAndReset() {
    QTemporaryDir dir;
    ThresholdEditor editor;
    editor.show();
    core::StrategyParams preset = core::StrategyParams::demo();
    preset.imbalanceWindow = core::DepthWindow::Bps;
    preset.takerShareFilter = true;
    preset.stopLossPct = 1.25;
    editor.setEdited(preset);
    const QString path = dir.filePath(QStringLiteral("preset.json"));
    QString error;
    QVERIFY2(editor.savePreset(path, &error), qPrintable(error));

    editor.resetToDefaults();
    QCOMPARE(editor.edited(), core::StrategyParams::defaults());
    QCOMPARE(editor.spinBox("stop_loss_pct")->value(), 5.0);
    QCOMPARE(editor.slider("volume_lookback")->value(),
             gui::findParamField("volume_lookback")->sliderPosition(30));

    QVERIFY2(editor.loadPreset(path, &error), qPrintable(error));
    QCOMPARE(editor.edited(), preset);
    QCOMPARE(editor.spinBox("stop_loss_pct")->value(), 1.25);
    core::StrategyParams fromFile;
    std::string why;
    QVERIFY(engine::loadParamsFile(path.toStdString(), fromFile, why));
    QCOMPARE(fromFile, preset);

    // A preset with a typo is refused whole, with the reason shown; the edits stay.
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"volume_burst_raito": 4})");
    file.close();
    QVERIFY(!editor.loadPreset(bad, &error));
    QVERIFY2(error.contains(QStringLiteral("volume_burst_raito")), qPrintable(error));
    QVERIFY(editor.statusLabel()->text().contains(QStringLiteral("volume_burst_raito")));
    QCOMPARE(editor.edited(), preset);

    // An invalid edit is not saved.
    typeInto(editor.spinBox("volume_fade_ratio"), QStringLiteral("3"));
    QVERIFY(!editor.savePreset(dir.filePath(QStringLiteral("invalid.json")), &error));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("invalid.json"))));
}

QTEST_MAIN(TestThresholdEditor)
#include "tst_threshold_editor.moc"
