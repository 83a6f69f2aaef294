#include "keychain_store.h"

#include <qt6keychain/keychain.h>

#include <openssl/crypto.h>

#if defined(HOGA_KEYCHAIN_DBUS)
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#endif

namespace hoga::platform {

QString endpointAccountName(ApiEndpoint endpoint) {
    switch (endpoint) {
    case ApiEndpoint::Mainnet:
        return QStringLiteral("mainnet");
    case ApiEndpoint::Testnet:
        return QStringLiteral("testnet");
    case ApiEndpoint::Simulator:
        return QStringLiteral("simulator");
    }
    return QStringLiteral("unknown");
}

void wipeBytes(QByteArray& bytes) {
    // data() on a shared buffer would detach, wiping a fresh copy and leaving the original: only
    // the last owner overwrites.
    if (bytes.isDetached()) {
        OPENSSL_cleanse(bytes.data(), static_cast<std::size_t>(bytes.size()));
    }
    bytes.clear();
}

ApiKeyPair::ApiKeyPair(QByteArray key, QByteArray secret)
    : apiKey(std::move(key)), secretKey(std::move(secret)) {}

ApiKeyPair::~ApiKeyPair() {
    wipeBytes(apiKey);
    wipeBytes(secretKey);
}

QString keychainStatusText(KeychainResult::Status status) {
    using Status = KeychainResult::Status;
    switch (status) {
    case Status::Ok:
        return QStringLiteral("done");
    case Status::NotFound:
        return QStringLiteral("no key is stored for this endpoint");
    case Status::NoBackend:
        return QStringLiteral("no keychain service is running");
    case Status::AccessDenied:
        return QStringLiteral("the keychain is locked or access was denied");
    case Status::Invalid:
        return QStringLiteral("the API key and the secret must both be given, without line breaks");
    case Status::Failed:
        return QStringLiteral("the keychain reported an error");
    }
    return QStringLiteral("the keychain reported an error");
}

namespace {

// The entry's bytes: the API key, a line feed, the secret. Binance keys are 64 alphanumerics, so
// the separator cannot occur in either part (store() refuses a pair where it does).
constexpr char kSeparator = '\n';

// Whether a keychain service answers, or can be started, on the session bus. Elsewhere
// QtKeychain talks to the platform's keychain directly, which is always there.
bool secretServiceReachable() {
#if defined(HOGA_KEYCHAIN_DBUS)
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface()) {
        return false;
    }
    const QStringList names{QStringLiteral("org.freedesktop.secrets"),
                            QStringLiteral("org.kde.kwalletd6"),
                            QStringLiteral("org.kde.kwalletd5")};
    QDBusConnectionInterface* daemon = bus.interface();
    const QStringList activatable = daemon->activatableServiceNames();
    for (const QString& name : names) {
        if (daemon->isServiceRegistered(name).value() || activatable.contains(name)) {
            return true;
        }
    }
    return false;
#else
    return true;
#endif
}

KeychainResult resultOf(const QKeychain::Job& job) {
    using Status = KeychainResult::Status;
    KeychainResult r;
    r.detail = job.errorString();
    switch (job.error()) {
    case QKeychain::NoError:
        r.status = Status::Ok;
        r.detail.clear();
        break;
    case QKeychain::EntryNotFound:
        r.status = Status::NotFound;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        r.status = Status::AccessDenied;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        r.status = Status::NoBackend;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        // The libsecret backend reports a missing session bus as a plain GIO error ("Could not
        // connect: …", "Failed to execute child process dbus-launch"): ask the bus itself.
        r.status = secretServiceReachable() ? Status::Failed : Status::NoBackend;
        break;
    }
    return r;
}

template <typename JobT>
JobT* makeJob(const QString& service, ApiEndpoint endpoint, QObject* parent) {
    auto* job = new JobT(service, parent);
    job->setKey(endpointAccountName(endpoint));
    // No plaintext copy in QSettings when the keychain is missing (QtKeychain's default, made
    // explicit): the caller is told instead.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    return job;
}

} // namespace

KeychainStore::KeychainStore(QString service, QObject* parent)
    : QObject(parent), m_service(std::move(service)) {}

void KeychainStore::store(ApiEndpoint endpoint, ApiKeyPair pair,
                          std::function<void(KeychainResult)> done) {
    if (!pair.isComplete() || pair.apiKey.contains(kSeparator) ||
        pair.secretKey.contains(kSeparator)) {
        done(KeychainResult{KeychainResult::Status::Invalid, {}});
        return;
    }
    auto* job = makeJob<QKeychain::WritePasswordJob>(m_service, endpoint, this);
    QByteArray entry;
    entry.reserve(pair.apiKey.size() + 1 + pair.secretKey.size());
    entry.append(pair.apiKey).append(kSeparator).append(pair.secretKey);
    job->setBinaryData(entry);
    wipeBytes(entry);
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job* finished) { done(resultOf(*finished)); });
    job->start();
}

void KeychainStore::read(ApiEndpoint endpoint,
                         std::function<void(KeychainResult, ApiKeyPair)> done) {
    auto* job = makeJob<QKeychain::ReadPasswordJob>(m_service, endpoint, this);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        KeychainResult r = resultOf(*job);
        ApiKeyPair pair;
        if (r.ok()) {
            QByteArray entry = job->binaryData();
            const qsizetype at = entry.indexOf(kSeparator);
            if (at > 0 && at + 1 < entry.size()) {
                pair = ApiKeyPair(entry.left(at), entry.mid(at + 1));
            } else {
                // Written by something else under our name: not ours to interpret.
                r = KeychainResult{KeychainResult::Status::Failed,
                                   QStringLiteral("the stored entry is not a Hoga key pair")};
            }
            wipeBytes(entry);
        }
        done(r, std::move(pair));
    });
    job->start();
}

void KeychainStore::remove(ApiEndpoint endpoint, std::function<void(KeychainResult)> done) {
    // The Secret Service deletes a missing entry without complaint; reading first tells the
    // user whether there was anything to delete.
    auto* probe = makeJob<QKeychain::ReadPasswordJob>(m_service, endpoint, this);
    connect(probe, &QKeychain::Job::finished, this,
            [this, endpoint, done = std::move(done)](QKeychain::Job* finished) mutable {
                KeychainResult found = resultOf(*finished);
                if (!found.ok()) {
                    done(found);
                    return;
                }
                auto* job = makeJob<QKeychain::DeletePasswordJob>(m_service, endpoint, this);
                connect(job, &QKeychain::Job::finished, this,
                        [done = std::move(done)](QKeychain::Job* deleted) {
                            done(resultOf(*deleted));
                        });
                job->start();
            });
    probe->start();
}

} // namespace hoga::platform
