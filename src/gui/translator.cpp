#include "translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace hoga::gui {

namespace {

// The translators are children of the application, found again by name on the next call: no
// global state, and they live exactly as long as the application.
const QString kHogaTranslator = QStringLiteral("hoga-translator");
const QString kQtTranslator = QStringLiteral("hoga-qt-translator");

void uninstall(QCoreApplication& app, const QString& name) {
    for (QTranslator* t : app.findChildren<QTranslator*>(name, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

} // namespace

QStringList availableLanguages() {
    return {QStringLiteral("en"), QStringLiteral("ko")};
}

QString nativeLanguageName(const QString& code) {
    const QLocale locale(code);
    const QString name = locale.nativeLanguageName();
    return name.isEmpty() ? code : name;
}

QString installTranslator(QCoreApplication& app, const QString& localeOverride) {
    uninstall(app, kHogaTranslator);
    uninstall(app, kQtTranslator);
    const QLocale locale = localeOverride.isEmpty() ? QLocale::system() : QLocale(localeOverride);

    auto hoga = std::make_unique<QTranslator>(&app);
    hoga->setObjectName(kHogaTranslator);
    // Tries the locale's UI languages in order (ko_KR, ko, …) as :/i18n/hoga_<lang>.qm.
    if (!hoga->load(locale, QStringLiteral("hoga"), QStringLiteral("_"),
                    QStringLiteral(":/i18n"))) {
        return QStringLiteral("en");
    }
    const QString language = QLocale(hoga->language()).name().section(QLatin1Char('_'), 0, 0);
    QCoreApplication::installTranslator(hoga.release());

    // Standard buttons and dialogs of Qt itself; absent unless qt6-translations-l10n is installed.
    auto qt = std::make_unique<QTranslator>(&app);
    qt->setObjectName(kQtTranslator);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.release());
    }
    return language;
}

} // namespace hoga::gui
