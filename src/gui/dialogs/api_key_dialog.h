#pragma once

// Enter, test and delete the Binance API key pair of one endpoint (mainnet, testnet, the local
// simulator). The pair lives only in the OS keychain (platform::KeychainStore) and, while the
// dialog is open, in its two fields: never in QSettings, logs or the clipboard. The secret field
// is masked and refuses copy, cut, drag and its context menu. Test signs a real account request
// (binance::AccountClient) against the endpoint's configured REST URL and shows what the exchange
// said. When no keychain service is available, Save says so and stores nothing.
//
// Each operation ends with a past-tense signal (loaded, saved, tested, deleted) after the status
// line shows its result, so that callers and tests need not parse the text.

#include "platform/keychain_store.h"

#include <QDialog>
#include <QUrl>

#include <array>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hoga::binance {
class AccountClient;
struct AccountResult;
} // namespace hoga::binance

namespace hoga::gui {

class ApiKeyDialog : public QDialog {
    Q_OBJECT
public:
    explicit ApiKeyDialog(platform::KeychainStore& keychain, QWidget* parent = nullptr);
    ~ApiKeyDialog() override;

    // The REST base URL that Test signs its request to. Mainnet and testnet default to Binance's
    // (API_FACTS.md §1); the simulator has no default (its port is chosen when it starts).
    void setRestUrl(platform::ApiEndpoint endpoint, const QUrl& url);
    [[nodiscard]] QUrl restUrl(platform::ApiEndpoint endpoint) const;

    // Shows `endpoint` and reads its stored pair, as choosing it in the list does.
    void selectEndpoint(platform::ApiEndpoint endpoint);
    [[nodiscard]] platform::ApiEndpoint endpoint() const;
    [[nodiscard]] QString statusText() const;

Q_SIGNALS:
    void loaded(bool found);
    void saved(bool ok);
    void tested(bool ok);
    void deleted(bool ok);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void load();
    void save();
    void test();
    void remove();
    void setBusy(bool busy);
    void showStatus(const QString& text, bool good);
    [[nodiscard]] QString endpointName(platform::ApiEndpoint endpoint) const;
    [[nodiscard]] QString keychainMessage(const platform::KeychainResult& result,
                                          const QString& nothingDone) const;
    [[nodiscard]] QString accountMessage(const binance::AccountResult& result) const;

    platform::KeychainStore& m_keychain;
    std::unique_ptr<binance::AccountClient> m_account;
    std::array<QUrl, 3> m_restUrls;
    // Bumped on every endpoint change and operation, so that a late answer for an endpoint that
    // is no longer shown is dropped rather than filling the fields.
    quint64 m_generation = 0;

    QLabel* m_endpointLabel = nullptr;
    QComboBox* m_endpoint = nullptr;
    QLabel* m_url = nullptr;
    QLabel* m_apiKeyLabel = nullptr;
    QLineEdit* m_apiKey = nullptr;
    QLabel* m_secretLabel = nullptr;
    QLineEdit* m_secret = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_test = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_close = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace hoga::gui
