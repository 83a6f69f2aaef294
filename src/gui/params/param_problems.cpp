#include "gui/params/param_problems.h"

#include "gui/params/param_fields.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <iterator>

namespace hoga::gui {

namespace {

constexpr const char* kContext = "hoga::gui::ParamProblems";

QString tr(const char* text) {
    return QCoreApplication::translate(kContext, text);
}

// The rules validate() writes after "<field> must be " (core/strategy_params.cpp).
constexpr const char* kRules[] = {
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "a whole number of seconds from 1000 to 3600000"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "1 to 1000"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "above 0 and at most 100"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "above 0 and at most 1"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "between 0 and 1 (exclusive)"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "100 to 3600000"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "0 to 1000"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "0.5 to 1"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "at least 0 and below volume_burst_ratio"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "1 to volume_lookback"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "above 0 and below 100"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "0 (off) or positive"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "positive"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "1 to 125"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "0 to 1"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "between -1 and 1"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "above 0 and below 50"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "1 to 1200"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "0 (off) to 100"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "0 or positive"),
    QT_TRANSLATE_NOOP("hoga::gui::ParamProblems", "0 to 60000"),
};

QString label(const QString& json) {
    const ParamField* field = findParamField(json.toStdString());
    return field ? paramLabel(*field) : json;
}

// A rule's field names (volume_burst_ratio in "below volume_burst_ratio") read as labels too.
QString withLabels(QString text) {
    static const QRegularExpression names(QStringLiteral("[a-z]+(_[a-z]+)+"));
    QString out;
    qsizetype last = 0;
    for (auto it = names.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last) + label(m.captured());
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

} // namespace

QString paramProblemText(const std::string& problem) {
    // The engine's refusal joins several problems with "; ".
    if (problem.find("; ") != std::string::npos) {
        QStringList parts;
        for (const QString& part : QString::fromStdString(problem).split(QStringLiteral("; "))) {
            parts << paramProblemText(part.toStdString());
        }
        return parts.join(QStringLiteral("; "));
    }
    const QString text = QString::fromStdString(problem);
    static const QRegularExpression mustBe(QStringLiteral("^([a-z_]+) must be (.+)$"));
    static const QRegularExpression liquidation(
        QStringLiteral("^stop_loss_pct must be below the liquidation distance \\(about ([0-9.]+) "
                       "% at this leverage\\)$"));
    static const QRegularExpression restart(QStringLiteral("^needs a restart to change: (.+)$"));
    if (const auto m = liquidation.match(text); m.hasMatch()) {
        return tr("%1 must be below the liquidation distance (about %2 % at this leverage)")
            .arg(label(QStringLiteral("stop_loss_pct")),
                 QString::number(m.captured(1).toDouble(), 'f', 2));
    }
    if (const auto m = mustBe.match(text); m.hasMatch()) {
        const std::string rule = m.captured(2).toStdString();
        for (const char* known : kRules) {
            if (rule == known) {
                return tr("%1 must be %2").arg(label(m.captured(1)), withLabels(tr(known)));
            }
        }
    }
    if (const auto m = restart.match(text); m.hasMatch()) {
        QStringList labels;
        for (const QString& name : m.captured(1).split(QStringLiteral(", "))) {
            labels << label(name.trimmed());
        }
        return tr("needs a restart to change: %1").arg(labels.join(QStringLiteral(", ")));
    }
    return text;
}

} // namespace hoga::gui
