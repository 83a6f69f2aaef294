#pragma once

// Binance API key pairs in the operating system's keychain through QtKeychain (the Secret Service
// on Linux: GNOME Keyring, KWallet). One entry per endpoint, service "Hoga", account "mainnet",
// "testnet" or "simulator", holding the key and its secret together so they change atomically.
//
// There is no fallback: when no keychain service answers, the store says so (Status::NoBackend)
// and writes nothing anywhere — never into QSettings or a file. Nothing here logs; details are
// QtKeychain's own error texts, which never contain the secret.
//
// Every call is asynchronous (the Secret Service is a D-Bus round trip, and may show an unlock
// prompt); the callback runs once, on the thread that owns the store.

#include <QByteArray>
#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>

namespace hoga::platform {

enum class ApiEndpoint : std::uint8_t { Mainnet, Testnet, Simulator };

// "mainnet", "testnet", "simulator": the keychain account name of an endpoint.
QString endpointAccountName(ApiEndpoint endpoint);

// An API key pair in memory. The destructor overwrites both buffers when it holds the only
// reference to them, so a pair that is moved along (not copied) leaves no secret in freed memory.
struct ApiKeyPair {
    QByteArray apiKey;
    QByteArray secretKey;
    ApiKeyPair() = default;
    ApiKeyPair(QByteArray key, QByteArray secret);
    ~ApiKeyPair();
    ApiKeyPair(const ApiKeyPair&) = default;
    ApiKeyPair& operator=(const ApiKeyPair&) = default;
    ApiKeyPair(ApiKeyPair&&) noexcept = default;
    ApiKeyPair& operator=(ApiKeyPair&&) noexcept = default;
    [[nodiscard]] bool isComplete() const { return !apiKey.isEmpty() && !secretKey.isEmpty(); }
};

// Overwrites `bytes` in place when this is the only reference to its buffer, then empties it.
void wipeBytes(QByteArray& bytes);

struct KeychainResult {
    enum class Status : std::uint8_t {
        Ok,
        NotFound,     // nothing stored for that endpoint (read, delete)
        NoBackend,    // no keychain service is running or reachable: nothing was stored
        AccessDenied, // the keychain is locked, or the user refused access
        Invalid,      // the key pair cannot be stored (empty, or a line break in it)
        Failed        // anything else; see detail
    };
    Status status = Status::Failed;
    QString detail; // QtKeychain's error text (English), empty on success
    [[nodiscard]] bool ok() const { return status == Status::Ok; }
};

// A clear English sentence for a status ("no keychain service is running", …), for logs and as
// the untranslated source of the GUI's message.
QString keychainStatusText(KeychainResult::Status status);

class KeychainStore : public QObject {
    Q_OBJECT
public:
    // `service` is the keychain's service name; tests may use their own to stay out of the way.
    explicit KeychainStore(QString service = QStringLiteral("Hoga"), QObject* parent = nullptr);

    void store(ApiEndpoint endpoint, ApiKeyPair pair, std::function<void(KeychainResult)> done);
    void read(ApiEndpoint endpoint, std::function<void(KeychainResult, ApiKeyPair)> done);
    void remove(ApiEndpoint endpoint, std::function<void(KeychainResult)> done);

    [[nodiscard]] const QString& service() const { return m_service; }

private:
    QString m_service;
};

} // namespace hoga::platform
