#include "api_key_dialog.h"

#include "binance/account_client.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace hoga::gui {

using platform::ApiEndpoint;
using platform::ApiKeyPair;
using platform::KeychainResult;

// The keychain and the network answer asynchronously, through objects that may outlive the dialog:
// every callback checks that the dialog still exists (QPointer) and that its answer is the latest.
namespace {

constexpr std::array kEndpoints{ApiEndpoint::Mainnet, ApiEndpoint::Testnet, ApiEndpoint::Simulator};

std::size_t indexOf(ApiEndpoint endpoint) {
    return static_cast<std::size_t>(endpoint);
}

// Pasted keys often carry a trailing newline or space; Binance keys never contain whitespace.
QByteArray fieldBytes(const QLineEdit* field) {
    return field->text().trimmed().toUtf8();
}

bool isCopyOrCut(const QKeyEvent* key) {
    return key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Cut);
}

} // namespace

ApiKeyDialog::ApiKeyDialog(platform::KeychainStore& keychain, QWidget* parent)
    : QDialog(parent), m_keychain(keychain) {
    m_restUrls[indexOf(ApiEndpoint::Mainnet)] = QUrl(QStringLiteral("https://fapi.binance.com"));
    m_restUrls[indexOf(ApiEndpoint::Testnet)] =
        QUrl(QStringLiteral("https://demo-fapi.binance.com"));

    m_endpointLabel = new QLabel(this);
    m_endpoint = new QComboBox(this);
    m_endpoint->setObjectName(QStringLiteral("endpoint"));
    for (const ApiEndpoint e : kEndpoints) {
        m_endpoint->addItem(QString(), static_cast<int>(e));
    }
    m_url = new QLabel(this);
    m_url->setObjectName(QStringLiteral("restUrl"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_apiKeyLabel = new QLabel(this);
    m_apiKey = new QLineEdit(this);
    m_apiKey->setObjectName(QStringLiteral("apiKey"));
    m_apiKeyLabel->setBuddy(m_apiKey);

    m_secretLabel = new QLabel(this);
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("secretKey"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData |
                                  Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    // QLineEdit already refuses to copy a password; these make the refusal explicit and cover
    // the routes around it (context menu, drag, the shortcut reaching a parent).
    m_secret->setContextMenuPolicy(Qt::NoContextMenu);
    m_secret->setDragEnabled(false);
    m_secret->installEventFilter(this);
    m_secretLabel->setBuddy(m_secret);

    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("save"));
    m_test = new QPushButton(this);
    m_test->setObjectName(QStringLiteral("test"));
    m_delete = new QPushButton(this);
    m_delete->setObjectName(QStringLiteral("delete"));
    m_close = new QPushButton(this);
    m_close->setObjectName(QStringLiteral("close"));
    m_save->setAutoDefault(false);
    m_test->setAutoDefault(false);
    m_delete->setAutoDefault(false);
    m_close->setAutoDefault(false);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setMinimumHeight(m_status->fontMetrics().height() * 3);

    auto* form = new QFormLayout;
    form->addRow(m_endpointLabel, m_endpoint);
    form->addRow(QString(), m_url);
    form->addRow(m_apiKeyLabel, m_apiKey);
    form->addRow(m_secretLabel, m_secret);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_test);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    setMinimumWidth(560);

    connect(m_endpoint, &QComboBox::currentIndexChanged, this, [this] { load(); });
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_test, &QPushButton::clicked, this, [this] { test(); });
    connect(m_delete, &QPushButton::clicked, this, [this] { remove(); });
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);

    retranslate();
    load();
}

ApiKeyDialog::~ApiKeyDialog() = default;

void ApiKeyDialog::setRestUrl(ApiEndpoint endpoint, const QUrl& url) {
    m_restUrls[indexOf(endpoint)] = url;
    retranslate();
}

QUrl ApiKeyDialog::restUrl(ApiEndpoint endpoint) const {
    return m_restUrls[indexOf(endpoint)];
}

void ApiKeyDialog::selectEndpoint(ApiEndpoint endpoint) {
    const int index = m_endpoint->findData(static_cast<int>(endpoint));
    if (index == m_endpoint->currentIndex()) {
        load();
    } else {
        m_endpoint->setCurrentIndex(index);
    }
}

ApiEndpoint ApiKeyDialog::endpoint() const {
    return static_cast<ApiEndpoint>(m_endpoint->currentData().toInt());
}

QString ApiKeyDialog::statusText() const {
    return m_status->text();
}

bool ApiKeyDialog::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_secret) {
        const QEvent::Type type = event->type();
        if ((type == QEvent::KeyPress || type == QEvent::ShortcutOverride) &&
            isCopyOrCut(static_cast<QKeyEvent*>(event))) {
            // Accepting the override keeps the shortcut from reaching any application-wide
            // Copy action; dropping the key press keeps it from the line edit.
            event->accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ApiKeyDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QDialog::changeEvent(event);
}

QString ApiKeyDialog::endpointName(ApiEndpoint endpoint) const {
    switch (endpoint) {
    case ApiEndpoint::Mainnet:
        return tr("Binance mainnet");
    case ApiEndpoint::Testnet:
        return tr("Binance testnet");
    case ApiEndpoint::Simulator:
        return tr("Local simulator");
    }
    return {};
}

void ApiKeyDialog::retranslate() {
    setWindowTitle(tr("Binance API key"));
    m_endpointLabel->setText(tr("&Endpoint:"));
    for (int i = 0; i < m_endpoint->count(); ++i) {
        m_endpoint->setItemText(
            i, endpointName(static_cast<ApiEndpoint>(m_endpoint->itemData(i).toInt())));
    }
    const QUrl url = restUrl(endpoint());
    m_url->setText(url.isEmpty() ? tr("No REST URL is configured for this endpoint.")
                                 : tr("REST: %1").arg(url.toDisplayString()));
    m_apiKeyLabel->setText(tr("API &key:"));
    m_secretLabel->setText(tr("&Secret key:"));
    m_apiKey->setPlaceholderText(tr("64 letters and digits"));
    m_secret->setPlaceholderText(tr("shown once by Binance when the key is created"));
    m_save->setText(tr("Sa&ve"));
    m_test->setText(tr("&Test"));
    m_delete->setText(tr("&Delete"));
    m_close->setText(tr("Close"));
    m_save->setToolTip(tr("Store the key and the secret in the system keychain"));
    m_test->setToolTip(tr("Sign an account request with this key and show the answer"));
    m_delete->setToolTip(tr("Remove this endpoint's key from the system keychain"));
}

void ApiKeyDialog::setBusy(bool busy) {
    m_save->setEnabled(!busy);
    m_test->setEnabled(!busy);
    m_delete->setEnabled(!busy);
}

void ApiKeyDialog::showStatus(const QString& text, bool good) {
    m_status->setText(text);
    m_status->setStyleSheet(good ? QString() : QStringLiteral("color: #b3261e;"));
}

QString ApiKeyDialog::keychainMessage(const KeychainResult& result,
                                      const QString& nothingDone) const {
    using Status = KeychainResult::Status;
    switch (result.status) {
    case Status::Ok:
        return {};
    case Status::NotFound:
        return tr("No key is stored for %1.").arg(endpointName(endpoint()));
    case Status::NoBackend:
        return tr("No keychain available — %1. Hoga keeps API keys only in the system keychain: "
                  "start a Secret Service (GNOME Keyring or KWallet) and try again.")
            .arg(nothingDone);
    case Status::AccessDenied:
        return tr("The keychain is locked or refused access — %1.").arg(nothingDone);
    case Status::Invalid:
        return tr("Enter both the API key and the secret key.");
    case Status::Failed:
        return tr("The keychain reported an error (%1) — %2.").arg(result.detail, nothingDone);
    }
    return {};
}

void ApiKeyDialog::load() {
    retranslate();
    const quint64 generation = ++m_generation;
    const ApiEndpoint shown = endpoint();
    m_apiKey->clear();
    m_secret->clear();
    setBusy(true);
    m_keychain.read(
        shown, [self = QPointer(this), this, generation, shown](KeychainResult r, ApiKeyPair pair) {
            if (!self || generation != m_generation) {
                return;
            }
            setBusy(false);
            if (r.ok()) {
                m_apiKey->setText(QString::fromUtf8(pair.apiKey));
                m_secret->setText(QString::fromUtf8(pair.secretKey));
                showStatus(tr("A key for %1 is stored in the keychain.").arg(endpointName(shown)),
                           true);
            } else if (r.status == KeychainResult::Status::NotFound) {
                showStatus(tr("No key is stored for %1.").arg(endpointName(shown)), true);
            } else {
                showStatus(keychainMessage(r, tr("keys cannot be stored")), false);
            }
            Q_EMIT loaded(r.ok());
        });
}

void ApiKeyDialog::save() {
    const quint64 generation = ++m_generation;
    const ApiEndpoint target = endpoint();
    setBusy(true);
    m_keychain.store(
        target, ApiKeyPair(fieldBytes(m_apiKey), fieldBytes(m_secret)),
        [self = QPointer(this), this, generation, target](KeychainResult r) {
            if (!self || generation != m_generation) {
                return;
            }
            setBusy(false);
            if (r.ok()) {
                showStatus(tr("Saved in the system keychain for %1.").arg(endpointName(target)),
                           true);
            } else {
                showStatus(keychainMessage(r, tr("nothing stored")), false);
            }
            Q_EMIT saved(r.ok());
        });
}

QString ApiKeyDialog::accountMessage(const binance::AccountResult& r) const {
    using Outcome = binance::AccountResult::Outcome;
    if (r.outcome == Outcome::Ok) {
        QString text = tr("The key works: wallet balance %1 USDT, available %2 USDT.")
                           .arg(r.totalWalletBalance, r.availableBalance);
        if (!r.canTrade) {
            text += QLatin1Char(' ') + tr("Trading is not enabled for this key.");
        }
        return text;
    }
    if (r.outcome == Outcome::NetworkError) {
        return tr("Could not reach %1: %2").arg(restUrl(endpoint()).toDisplayString(), r.message);
    }
    switch (r.binanceCode) {
    case -2014:
        return tr("The API key is not in a valid format (Binance error -2014).");
    case -2015:
        return tr("Binance refused the key: unknown API key, an IP address it does not allow, "
                  "or a missing permission (error -2015).");
    case -1022:
        return tr("The secret key does not belong to this API key: the signature is invalid "
                  "(Binance error -1022).");
    case -1021:
        return tr("This computer's clock is too far from the exchange's (Binance error -1021). "
                  "Synchronise the clock and test again.");
    default:
        break;
    }
    return tr("Binance answered with error %1: %2").arg(r.binanceCode).arg(r.message);
}

void ApiKeyDialog::test() {
    const QUrl url = restUrl(endpoint());
    if (url.isEmpty()) {
        showStatus(tr("No REST URL is configured for this endpoint."), false);
        Q_EMIT tested(false);
        return;
    }
    ApiKeyPair pair(fieldBytes(m_apiKey), fieldBytes(m_secret));
    if (!pair.isComplete()) {
        showStatus(tr("Enter both the API key and the secret key."), false);
        Q_EMIT tested(false);
        return;
    }
    const quint64 generation = ++m_generation;
    setBusy(true);
    showStatus(tr("Testing the key against %1…").arg(url.toDisplayString()), true);
    // A fresh client per test: the URL may have changed, and an old request's answer must not
    // arrive after a newer one.
    m_account = std::make_unique<binance::AccountClient>(url);
    m_account->fetchAccount(pair.apiKey, std::move(pair.secretKey),
                            [this, generation](binance::AccountResult r) {
                                if (generation != m_generation) {
                                    return;
                                }
                                setBusy(false);
                                showStatus(accountMessage(r), r.ok());
                                Q_EMIT tested(r.ok());
                            });
}

void ApiKeyDialog::remove() {
    const quint64 generation = ++m_generation;
    const ApiEndpoint target = endpoint();
    setBusy(true);
    m_keychain.remove(target, [self = QPointer(this), this, generation, target](KeychainResult r) {
        if (!self || generation != m_generation) {
            return;
        }
        setBusy(false);
        if (r.ok()) {
            m_apiKey->clear();
            m_secret->clear();
            showStatus(tr("Deleted the key for %1 from the keychain.").arg(endpointName(target)),
                       true);
        } else if (r.status == KeychainResult::Status::NotFound) {
            showStatus(tr("Nothing was stored for %1.").arg(endpointName(target)), true);
        } else {
            showStatus(keychainMessage(r, tr("nothing deleted")), false);
        }
        Q_EMIT deleted(r.ok());
    });
}

} // namespace hoga::gui
