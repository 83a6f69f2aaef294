// KeychainStore against a real Secret Service: the gnome-keyring that tests/run_with_keyring.sh
// starts in a private D-Bus session. Store, read back, overwrite and delete, one entry per
// endpoint, and nothing in QSettings. Skips, saying why, only when no Secret Service answers.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "platform/keychain_store.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

#include <memory>
#include <optional>

using namespace hoga::platform;
using Status = KeychainResult::Status;

namespace {

// Made-up keys in Binance's shape (64 alphanumerics); they open nothing.
const QByteArray kKey = "hogaTestKey0000000000000000000000000000000000000000000000000001";
const QByteArray kSecret = "hogaTestSecret00000000000000000000000000000000000000000000000001";

// Set by tests/run_with_keyring.sh: the Secret Service is a throwaway one, so the application's
// own service name can be used. Run directly, on a desktop, the tests keep to a service of their
// own and never touch the user's real entries.
bool privateKeyring() {
    return qEnvironmentVariableIsSet("HOGA_PRIVATE_KEYRING");
}
QString serviceName() {
    return privateKeyring() ? QStringLiteral("Hoga") : QStringLiteral("Hoga-tests");
}

template <typename T>
std::optional<T> await(const std::shared_ptr<std::optional<T>>& slot) {
    if (!QTest::qWaitFor([&slot] { return slot->has_value(); }, 20000)) {
        return std::nullopt;
    }
    return *slot;
}

std::optional<KeychainResult> store(KeychainStore& keychain, ApiEndpoint e, ApiKeyPair pair) {
    auto slot = std::make_shared<std::optional<KeychainResult>>();
    keychain.store(e, std::move(pair), [slot](KeychainResult r) { *slot = r; });
    return await(slot);
}

std::optional<std::pair<KeychainResult, ApiKeyPair>> read(KeychainStore& keychain, ApiEndpoint e) {
    auto slot = std::make_shared<std::optional<std::pair<KeychainResult, ApiKeyPair>>>();
    keychain.read(e, [slot](KeychainResult r, ApiKeyPair p) { *slot = std::pair(r, p); });
    return await(slot);
}

std::optional<KeychainResult> remove(KeychainStore& keychain, ApiEndpoint e) {
    auto slot = std::make_shared<std::optional<KeychainResult>>();
    keychain.remove(e, [slot](KeychainResult r) { *slot = r; });
    return await(slot);
}

} // namespace

class TestKeychainStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("HogaTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_keychain_store"));
        // One probe write tells whether a Secret Service answers at all.
        const auto probe = store(m_keychain, ApiEndpoint::Testnet, ApiKeyPair(kKey, kSecret));
        QVERIFY2(probe, "the keychain did not answer within 20 s");
        if (probe->status == Status::NoBackend) {
            const QByteArray why = qgetenv("HOGA_NO_KEYRING_REASON");
            QSKIP(qPrintable(QStringLiteral("no Secret Service can be reached (%1): %2")
                                 .arg(why.isEmpty() ? QStringLiteral("no D-Bus session keyring")
                                                    : QString::fromUtf8(why),
                                      probe->detail)));
        }
        QVERIFY2(probe->ok(), qPrintable(probe->detail));
        QVERIFY(remove(m_keychain, ApiEndpoint::Testnet)->ok());
    }

    void storeReadBackDelete() {
        const auto stored = store(m_keychain, ApiEndpoint::Simulator, ApiKeyPair(kKey, kSecret));
        QVERIFY(stored);
        QVERIFY2(stored->ok(), qPrintable(stored->detail));
        QVERIFY(stored->detail.isEmpty());

        const auto back = read(m_keychain, ApiEndpoint::Simulator);
        QVERIFY(back);
        QVERIFY2(back->first.ok(), qPrintable(back->first.detail));
        QCOMPARE(back->second.apiKey, kKey);
        QCOMPARE(back->second.secretKey, kSecret);

        const auto removed = remove(m_keychain, ApiEndpoint::Simulator);
        QVERIFY(removed);
        QVERIFY2(removed->ok(), qPrintable(removed->detail));
        const auto gone = read(m_keychain, ApiEndpoint::Simulator);
        QVERIFY(gone);
        QCOMPARE(gone->first.status, Status::NotFound);
        QVERIFY(gone->second.apiKey.isEmpty());
        QVERIFY(gone->second.secretKey.isEmpty());
        // Nothing left to delete, and the store says so.
        QCOMPARE(remove(m_keychain, ApiEndpoint::Simulator)->status, Status::NotFound);
    }

    void endpointsAreSeparateEntries() {
        const QByteArray otherSecret = kSecret.left(kSecret.size() - 1) + '2';
        QVERIFY(store(m_keychain, ApiEndpoint::Mainnet, ApiKeyPair(kKey, kSecret))->ok());
        QVERIFY(store(m_keychain, ApiEndpoint::Testnet, ApiKeyPair(kKey, otherSecret))->ok());
        QCOMPARE(read(m_keychain, ApiEndpoint::Mainnet)->second.secretKey, kSecret);
        QCOMPARE(read(m_keychain, ApiEndpoint::Testnet)->second.secretKey, otherSecret);
        QCOMPARE(read(m_keychain, ApiEndpoint::Simulator)->first.status, Status::NotFound);
        // A store under another service name does not see them.
        KeychainStore elsewhere(QStringLiteral("HogaTestElsewhere"));
        QCOMPARE(read(elsewhere, ApiEndpoint::Mainnet)->first.status, Status::NotFound);
        QVERIFY(remove(m_keychain, ApiEndpoint::Mainnet)->ok());
        QCOMPARE(read(m_keychain, ApiEndpoint::Mainnet)->first.status, Status::NotFound);
        QCOMPARE(read(m_keychain, ApiEndpoint::Testnet)->second.secretKey, otherSecret);
        QVERIFY(remove(m_keychain, ApiEndpoint::Testnet)->ok());
    }

    void storingAgainReplaces() {
        QVERIFY(store(m_keychain, ApiEndpoint::Simulator, ApiKeyPair("first", "secret-1"))->ok());
        QVERIFY(store(m_keychain, ApiEndpoint::Simulator, ApiKeyPair("second", "secret-2"))->ok());
        const auto back = read(m_keychain, ApiEndpoint::Simulator);
        QCOMPARE(back->second.apiKey, QByteArray("second"));
        QCOMPARE(back->second.secretKey, QByteArray("secret-2"));
        QVERIFY(remove(m_keychain, ApiEndpoint::Simulator)->ok());
    }

    void incompletePairsAreRefusedAndNothingIsStored() {
        QCOMPARE(store(m_keychain, ApiEndpoint::Simulator, ApiKeyPair(kKey, {}))->status,
                 Status::Invalid);
        QCOMPARE(store(m_keychain, ApiEndpoint::Simulator, ApiKeyPair({}, kSecret))->status,
                 Status::Invalid);
        // The separator of the entry's format cannot be smuggled into either part.
        QCOMPARE(store(m_keychain, ApiEndpoint::Simulator, ApiKeyPair(kKey, "a\nb"))->status,
                 Status::Invalid);
        QCOMPARE(read(m_keychain, ApiEndpoint::Simulator)->first.status, Status::NotFound);
    }

    void secretIsNowhereInSettingsOrConfigFiles() {
        QVERIFY(store(m_keychain, ApiEndpoint::Mainnet, ApiKeyPair(kKey, kSecret))->ok());
        QSettings settings;
        settings.sync();
        for (const QString& key : settings.allKeys()) {
            QVERIFY2(!settings.value(key).toByteArray().contains(kSecret), qPrintable(key));
        }
        // QtKeychain's insecure fallback would write into the application's QSettings file; the
        // keyring itself is encrypted under XDG_DATA_HOME. No plain copy in any of them.
        QStringList dirs{QFileInfo(settings.fileName()).absolutePath()};
        if (privateKeyring()) {
            dirs << qEnvironmentVariable("XDG_CONFIG_HOME")
                 << qEnvironmentVariable("XDG_DATA_HOME");
        }
        int files = 0;
        for (const QString& dir : dirs) {
            QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                QVERIFY2(!file.readAll().contains(kSecret), qPrintable(file.fileName()));
                ++files;
            }
        }
        // Under the wrapper the keyring file at least is there to be searched.
        QVERIFY(!privateKeyring() || files > 0);
        QVERIFY(remove(m_keychain, ApiEndpoint::Mainnet)->ok());
    }

private:
    KeychainStore m_keychain{serviceName()};
};

QTEST_GUILESS_MAIN(TestKeychainStore)
#include "tst_keychain_store.moc"
