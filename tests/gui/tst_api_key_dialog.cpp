// The API key dialog with real widgets (offscreen), a real Secret Service (the gnome-keyring that
// tests/run_with_keyring.sh starts in a private D-Bus session) and the real exchange simulator on
// 127.0.0.1: type the pair, Save, read it back in a new dialog, Test it, Delete it. The secret
// cannot be copied out and is nowhere in QSettings or config files.
//
// Registered twice: with the keyring, and as tst_api_key_dialog_no_keychain with an unreachable
// session bus (HOGA_EXPECT_NO_KEYRING) to check that the dialog says so and stores nothing.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "gui/dialogs/api_key_dialog.h"
#include "sim/accounts.h"
#include "sim/sim_test_client.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDirIterator>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>

#include <memory>

using namespace hoga;
using gui::ApiKeyDialog;
using platform::ApiEndpoint;
using platform::KeychainResult;

namespace {

constexpr int kWaitMs = 20000;

// See tst_keychain_store.cpp: the application's service name only inside the throwaway keyring.
bool privateKeyring() {
    return qEnvironmentVariableIsSet("HOGA_PRIVATE_KEYRING");
}
bool expectNoKeychain() {
    return qEnvironmentVariableIsSet("HOGA_EXPECT_NO_KEYRING");
}
QString serviceName() {
    return privateKeyring() ? QStringLiteral("Hoga") : QStringLiteral("Hoga-tests");
}

QString demoKey() {
    return QString::fromStdString(sim::demoAccount().apiKey);
}
QString demoSecret() {
    return QString::fromStdString(sim::demoAccount().secretKey);
}

template <typename T>
T* child(ApiKeyDialog& dialog, const char* name) {
    T* widget = dialog.findChild<T*>(QString::fromLatin1(name));
    if (!widget) {
        qFatal("no widget %s in the dialog", name);
    }
    return widget;
}

// The first emission's bool argument, or nullopt when the signal did not come in time.
std::optional<bool> nextResult(QSignalSpy& spy) {
    if (spy.isEmpty() && !spy.wait(kWaitMs)) {
        return std::nullopt;
    }
    return spy.takeFirst().at(0).toBool();
}

// A shown dialog on the simulator endpoint, its first keychain read done.
struct OpenDialog {
    std::unique_ptr<ApiKeyDialog> dialog;
    std::optional<bool> found;
};

OpenDialog openOnSimulator(platform::KeychainStore& keychain, const QString& restUrl) {
    OpenDialog open;
    open.dialog = std::make_unique<ApiKeyDialog>(keychain);
    ApiKeyDialog& d = *open.dialog;
    d.setRestUrl(ApiEndpoint::Simulator, QUrl(restUrl));
    QSignalSpy initial(&d, &ApiKeyDialog::loaded);
    d.show();
    if (!QTest::qWaitForWindowExposed(&d) || !nextResult(initial)) {
        return open;
    }
    // Choose the simulator the way a user does: the endpoint list has focus, End picks the last.
    QSignalSpy loaded(&d, &ApiKeyDialog::loaded);
    auto* endpoint = child<QComboBox>(d, "endpoint");
    endpoint->setFocus();
    QTest::keyClick(endpoint, Qt::Key_End);
    if (d.endpoint() == ApiEndpoint::Simulator) {
        open.found = nextResult(loaded);
    }
    return open;
}

void typeInto(QLineEdit* field, const QString& text) {
    field->setFocus();
    field->selectAll();
    QTest::keyClick(field, Qt::Key_Backspace);
    QTest::keyClicks(field, text);
}

} // namespace

class TestApiKeyDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("HogaTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_api_key_dialog"));
        m_simulator = simtest::start({});
        QVERIFY(m_simulator);
        m_url = m_simulator->restUrl();
        // Whether a Secret Service answers decides which half of the suite applies.
        auto probe = std::make_shared<std::optional<KeychainResult>>();
        m_keychain.read(ApiEndpoint::Simulator,
                        [probe](KeychainResult r, platform::ApiKeyPair) { *probe = r; });
        QVERIFY(QTest::qWaitFor([&probe] { return probe->has_value(); }, kWaitMs));
        m_haveKeychain = (*probe)->status != KeychainResult::Status::NoBackend;
        m_noKeychainReason = (*probe)->detail;
        if (expectNoKeychain()) {
            QVERIFY2(!m_haveKeychain, "this run expects no reachable Secret Service");
        }
    }

    void storeReadBackDelete() {
        if (!m_haveKeychain) {
            QSKIP(qPrintable(noKeychainReason()));
        }
        auto first = openOnSimulator(m_keychain, m_url);
        QVERIFY(first.found.has_value());
        QCOMPARE(*first.found, false);
        ApiKeyDialog& d = *first.dialog;
        QCOMPARE(d.statusText(), QStringLiteral("No key is stored for Local simulator."));

        typeInto(child<QLineEdit>(d, "apiKey"), demoKey());
        typeInto(child<QLineEdit>(d, "secretKey"), demoSecret());
        QSignalSpy saved(&d, &ApiKeyDialog::saved);
        QTest::mouseClick(child<QPushButton>(d, "save"), Qt::LeftButton);
        QCOMPARE(nextResult(saved), std::optional<bool>(true));
        QCOMPARE(d.statusText(),
                 QStringLiteral("Saved in the system keychain for Local simulator."));
        first.dialog.reset();

        // A new dialog reads the pair back from the keychain.
        auto second = openOnSimulator(m_keychain, m_url);
        QCOMPARE(second.found, std::optional<bool>(true));
        ApiKeyDialog& d2 = *second.dialog;
        QCOMPARE(child<QLineEdit>(d2, "apiKey")->text(), demoKey());
        QCOMPARE(child<QLineEdit>(d2, "secretKey")->text(), demoSecret());
        QCOMPARE(d2.statusText(),
                 QStringLiteral("A key for Local simulator is stored in the keychain."));

        // The stored pair works against the simulator, straight from the keychain.
        QSignalSpy tested(&d2, &ApiKeyDialog::tested);
        QTest::mouseClick(child<QPushButton>(d2, "test"), Qt::LeftButton);
        QCOMPARE(nextResult(tested), std::optional<bool>(true));
        QCOMPARE(d2.statusText(), QStringLiteral("The key works: wallet balance 10000.00000000 "
                                                 "USDT, available 10000.00000000 USDT."));

        QSignalSpy deleted(&d2, &ApiKeyDialog::deleted);
        QTest::mouseClick(child<QPushButton>(d2, "delete"), Qt::LeftButton);
        QCOMPARE(nextResult(deleted), std::optional<bool>(true));
        QVERIFY(child<QLineEdit>(d2, "apiKey")->text().isEmpty());
        QVERIFY(child<QLineEdit>(d2, "secretKey")->text().isEmpty());
        QCOMPARE(d2.statusText(),
                 QStringLiteral("Deleted the key for Local simulator from the keychain."));
        // Deleting again finds nothing; a new dialog finds nothing either.
        QTest::mouseClick(child<QPushButton>(d2, "delete"), Qt::LeftButton);
        QCOMPARE(nextResult(deleted), std::optional<bool>(false));
        QCOMPARE(d2.statusText(), QStringLiteral("Nothing was stored for Local simulator."));
        second.dialog.reset();
        auto third = openOnSimulator(m_keychain, m_url);
        QCOMPARE(third.found, std::optional<bool>(false));
    }

    void testShowsWhatTheExchangeSaid() {
        auto open = openOnSimulator(m_keychain, m_url);
        QVERIFY(open.found.has_value() || !m_haveKeychain);
        ApiKeyDialog& d = *open.dialog;
        QSignalSpy tested(&d, &ApiKeyDialog::tested);
        auto* key = child<QLineEdit>(d, "apiKey");
        auto* secret = child<QLineEdit>(d, "secretKey");
        auto* test = child<QPushButton>(d, "test");

        typeInto(key, demoKey());
        typeInto(secret, demoSecret());
        QTest::mouseClick(test, Qt::LeftButton);
        QCOMPARE(nextResult(tested), std::optional<bool>(true));
        QVERIFY2(d.statusText().contains(QStringLiteral("10000.00000000 USDT")),
                 qPrintable(d.statusText()));

        typeInto(secret, QStringLiteral("not-the-secret"));
        QTest::mouseClick(test, Qt::LeftButton);
        QCOMPARE(nextResult(tested), std::optional<bool>(false));
        QCOMPARE(d.statusText(), QStringLiteral("The secret key does not belong to this API key: "
                                                "the signature is invalid (Binance error -1022)."));

        typeInto(key, QStringLiteral("unknown-key"));
        typeInto(secret, demoSecret());
        QTest::mouseClick(test, Qt::LeftButton);
        QCOMPARE(nextResult(tested), std::optional<bool>(false));
        QVERIFY2(d.statusText().contains(QStringLiteral("(error -2015)")),
                 qPrintable(d.statusText()));

        key->clear();
        QTest::mouseClick(test, Qt::LeftButton);
        QCOMPARE(nextResult(tested), std::optional<bool>(false));
        QCOMPARE(d.statusText(), QStringLiteral("Enter both the API key and the secret key."));
    }

    void secretCannotBeCopiedOut() {
        auto open = openOnSimulator(m_keychain, m_url);
        ApiKeyDialog& d = *open.dialog;
        auto* key = child<QLineEdit>(d, "apiKey");
        auto* secret = child<QLineEdit>(d, "secretKey");
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QCOMPARE(secret->contextMenuPolicy(), Qt::NoContextMenu);
        QVERIFY(!secret->dragEnabled());

        QClipboard* clipboard = QGuiApplication::clipboard();
        // The API key field copies normally: the clipboard works here, so the refusal below is
        // the dialog's doing.
        typeInto(key, demoKey());
        QTest::keyClick(key, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(key, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(clipboard->text(), demoKey());

        const QString sentinel = QStringLiteral("clipboard before");
        clipboard->setText(sentinel);
        typeInto(secret, demoSecret());
        QTest::keyClick(secret, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(secret, Qt::Key_C, Qt::ControlModifier);
        QTest::keyClick(secret, Qt::Key_Insert, Qt::ControlModifier);
        QTest::keyClick(secret, Qt::Key_X, Qt::ControlModifier);
        QCOMPARE(clipboard->text(), sentinel);
        // Cut did not take the text away either.
        QCOMPARE(secret->text(), demoSecret());
    }

    void secretIsNowhereInSettings() {
        if (!m_haveKeychain) {
            QSKIP(qPrintable(noKeychainReason()));
        }
        auto open = openOnSimulator(m_keychain, m_url);
        ApiKeyDialog& d = *open.dialog;
        typeInto(child<QLineEdit>(d, "apiKey"), demoKey());
        typeInto(child<QLineEdit>(d, "secretKey"), demoSecret());
        QSignalSpy saved(&d, &ApiKeyDialog::saved);
        QTest::mouseClick(child<QPushButton>(d, "save"), Qt::LeftButton);
        QCOMPARE(nextResult(saved), std::optional<bool>(true));
        checkSecretNotInSettings();
        QSignalSpy deleted(&d, &ApiKeyDialog::deleted);
        QTest::mouseClick(child<QPushButton>(d, "delete"), Qt::LeftButton);
        QCOMPARE(nextResult(deleted), std::optional<bool>(true));
    }

    void withoutKeychainNothingIsStored() {
        if (m_haveKeychain) {
            QSKIP("a Secret Service answers in this run; tst_api_key_dialog_no_keychain covers "
                  "the case without one");
        }
        auto open = openOnSimulator(m_keychain, m_url);
        ApiKeyDialog& d = *open.dialog;
        QCOMPARE(open.found, std::optional<bool>(false));
        QVERIFY2(d.statusText().startsWith(QStringLiteral("No keychain available — keys cannot "
                                                          "be stored.")),
                 qPrintable(d.statusText()));
        typeInto(child<QLineEdit>(d, "apiKey"), demoKey());
        typeInto(child<QLineEdit>(d, "secretKey"), demoSecret());
        QSignalSpy saved(&d, &ApiKeyDialog::saved);
        QTest::mouseClick(child<QPushButton>(d, "save"), Qt::LeftButton);
        QCOMPARE(nextResult(saved), std::optional<bool>(false));
        QVERIFY2(d.statusText().startsWith(QStringLiteral("No keychain available — nothing "
                                                          "stored.")),
                 qPrintable(d.statusText()));
        checkSecretNotInSettings();
        // Testing a key needs no keychain.
        QSignalSpy tested(&d, &ApiKeyDialog::tested);
        QTest::mouseClick(child<QPushButton>(d, "test"), Qt::LeftButton);
        QCOMPARE(nextResult(tested), std::optional<bool>(true));
    }

    void cleanupTestCase() { m_simulator.reset(); }

private:
    // QSKIP returns from the function it is in, so the tests call it themselves.
    [[nodiscard]] QString noKeychainReason() const {
        const QString why = qEnvironmentVariable("HOGA_NO_KEYRING_REASON");
        return QStringLiteral("no Secret Service can be reached%1: %2")
            .arg(why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why), m_noKeychainReason);
    }

    void checkSecretNotInSettings() {
        const QByteArray secret = demoSecret().toUtf8();
        QSettings settings;
        settings.sync();
        for (const QString& key : settings.allKeys()) {
            QVERIFY2(!settings.value(key).toByteArray().contains(secret), qPrintable(key));
        }
        // QtKeychain's insecure fallback would write into this QSettings file.
        QFile file(settings.fileName());
        if (file.open(QIODevice::ReadOnly)) {
            QVERIFY(!file.readAll().contains(secret));
        }
        if (privateKeyring()) {
            for (const char* var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME"}) {
                QDirIterator it(qEnvironmentVariable(var), QDir::Files,
                                QDirIterator::Subdirectories);
                while (it.hasNext()) {
                    QFile f(it.next());
                    QVERIFY(f.open(QIODevice::ReadOnly));
                    QVERIFY2(!f.readAll().contains(secret), qPrintable(f.fileName()));
                }
            }
        }
    }

    platform::KeychainStore m_keychain{serviceName()};
    std::unique_ptr<sim::ExchangeSimulator> m_simulator;
    QString m_url;
    bool m_haveKeychain = false;
    QString m_noKeychainReason;
};

QTEST_MAIN(TestApiKeyDialog)
#include "tst_api_key_dialog.moc"
