// The embedded translations: the Korean translator loads from :/i18n, follows the system locale
// (this test runs with LANGUAGE=ko and LC_ALL=ko_KR.UTF-8), yields to an explicit choice, and a
// live switch retranslates an open dialog.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "core/strategy_params.h"
#include "gui/dialogs/api_key_dialog.h"
#include "gui/params/param_fields.h"
#include "gui/params/param_problems.h"
#include "gui/translator.h"

#include <QApplication>
#include <QPushButton>
#include <QTranslator>

using namespace hoga;

namespace {
QString dialogText(const char* source) {
    return QCoreApplication::translate("hoga::gui::ApiKeyDialog", source);
}
} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void systemLocaleIsFollowed() {
        QCOMPARE(QLocale::system().language(), QLocale::Korean);
        QCOMPARE(gui::installTranslator(*qApp), QStringLiteral("ko"));
        QCOMPARE(dialogText("Sa&ve"), QStringLiteral("저장(&V)"));
        QCOMPARE(dialogText("&Secret key:"), QStringLiteral("비밀 키(&S):"));
        QCOMPARE(dialogText("API &key:"), QStringLiteral("API 키(&K):"));
        QCOMPARE(dialogText("No keychain available — %1. Hoga keeps API keys only in the system "
                            "keychain: start a Secret Service (GNOME Keyring or KWallet) and try "
                            "again.")
                     .arg(dialogText("nothing stored")),
                 QStringLiteral("사용할 수 있는 키체인이 없습니다 — 아무것도 저장하지 "
                                "않았습니다. Hoga는 API 키를 시스템 키체인에만 보관합니다. "
                                "Secret Service(GNOME Keyring 또는 KWallet)를 실행한 뒤 다시 "
                                "시도하세요."));
    }
    // The core's English problems read in Korean, with field labels for the JSON names.
    void parameterProblemsAreTranslated() {
        QCOMPARE(gui::installTranslator(*qApp, QStringLiteral("ko")), QStringLiteral("ko"));
        const auto label = [](const char* json) {
            return gui::paramLabel(*gui::findParamField(json));
        };
        QVERIFY(label("imbalance_exit") != QStringLiteral("Imbalance to exit"));
        core::StrategyParams p = core::StrategyParams::defaults();
        p.imbalanceExit = 1.5;
        p.volumeFadeRatio = p.volumeBurstRatio + 1;
        const std::vector<std::string> problems = p.validate();
        QCOMPARE(problems.size(), std::size_t{2});
        QCOMPARE(gui::paramProblemText(problems[1]),
                 label("volume_fade_ratio") + QStringLiteral(" — 허용 범위: 0 이상, ") +
                     label("volume_burst_ratio") + QStringLiteral(" 미만"));
        QCOMPARE(gui::paramProblemText(problems[0]),
                 label("imbalance_exit") + QStringLiteral(" — 허용 범위: 0 초과 1 미만"));
        // The engine's refusals: several joined, and the restart-only fields.
        QCOMPARE(gui::paramProblemText(problems[0] + "; " + problems[1]),
                 gui::paramProblemText(problems[0]) + QStringLiteral("; ") +
                     gui::paramProblemText(problems[1]));
        QCOMPARE(gui::paramProblemText("needs a restart to change: candle_interval_ms, latency_ms"),
                 QStringLiteral("다시 시작해야 바꿀 수 있습니다: ") + label("candle_interval_ms") +
                     QStringLiteral(", ") + label("latency_ms"));
        // Every rule validate() can write has a Korean form (none is left in English).
        core::StrategyParams all = core::StrategyParams::defaults();
        all.candleIntervalMs = 1;
        all.volumeLookback = 0;
        all.leverage = 0;
        all.takerFeePct = 5;
        all.latencyMs = -1;
        for (const std::string& problem : all.validate()) {
            const QString text = gui::paramProblemText(problem);
            QVERIFY2(text.contains(QStringLiteral("허용 범위")), qPrintable(text));
        }
        QCOMPARE(gui::installTranslator(*qApp, QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(gui::paramProblemText(problems[0]),
                 QStringLiteral("Imbalance to exit must be between 0 and 1 (exclusive)"));
        gui::installTranslator(*qApp);
    }
    void overrideWins() {
        QCOMPARE(gui::installTranslator(*qApp, QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(dialogText("Sa&ve"), QStringLiteral("Sa&ve"));
        QCOMPARE(gui::installTranslator(*qApp, QStringLiteral("ko_KR")), QStringLiteral("ko"));
        QCOMPARE(dialogText("&Delete"), QStringLiteral("삭제(&D)"));
        // A language without a translation falls back to the English source strings.
        QCOMPARE(gui::installTranslator(*qApp, QStringLiteral("de")), QStringLiteral("en"));
        QCOMPARE(dialogText("&Delete"), QStringLiteral("&Delete"));
        // Switching never stacks translators: exactly one Hoga translator at a time.
        gui::installTranslator(*qApp, QStringLiteral("ko"));
        gui::installTranslator(*qApp, QStringLiteral("ko"));
        QCOMPARE(qApp->findChildren<QTranslator*>(QStringLiteral("hoga-translator")).size(), 1);
    }
    void languageMenuEntries() {
        QCOMPARE(gui::availableLanguages(),
                 QStringList({QStringLiteral("en"), QStringLiteral("ko")}));
        QCOMPARE(gui::nativeLanguageName(QStringLiteral("ko")), QStringLiteral("한국어"));
    }
    void openDialogRetranslates() {
        gui::installTranslator(*qApp, QStringLiteral("ko"));
        platform::KeychainStore keychain(QStringLiteral("Hoga-tests"));
        gui::ApiKeyDialog dialog(keychain);
        auto* save = dialog.findChild<QPushButton*>(QStringLiteral("save"));
        QVERIFY(save);
        QCOMPARE(save->text(), QStringLiteral("저장(&V)"));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("바이낸스 API 키"));
        // The switch reaches open widgets as a posted QEvent::LanguageChange.
        gui::installTranslator(*qApp, QStringLiteral("en"));
        QTRY_COMPARE(save->text(), QStringLiteral("Sa&ve"));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Binance API key"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
