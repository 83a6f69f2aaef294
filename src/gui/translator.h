#pragma once

// The desktop station's languages: English (the source strings) and Korean. The translations are
// compiled from translations/hoga_*.ts at build time and embedded under :/i18n.
//
// The UI follows the system locale unless the user picked a language (a menu override, e.g. kept
// in the settings): installTranslator() is called once before the first window is shown, and
// again when the override changes; widgets then get QEvent::LanguageChange and retranslate.

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace hoga::gui {

// The language codes with a translation ("en", "ko"), for a language menu.
QStringList availableLanguages();

// The language's own name ("English", "한국어"), for that menu.
QString nativeLanguageName(const QString& code);

// Replaces the Hoga translator installed on `app` by the one for `localeOverride` ("ko",
// "ko_KR", "en", …) or, when it is empty, for the system's UI languages in order of preference.
// Returns the language code loaded; "en" (the source strings, no translator) when nothing else
// matches. Qt's own translations (qtbase) are loaded too when the system has them.
QString installTranslator(QCoreApplication& app, const QString& localeOverride = {});

} // namespace hoga::gui
