#include "gui/recording_files.h"

#include <QDateTime>
#include <QDir>
#include <QRegularExpression>

#include <algorithm>

namespace hoga::gui {

std::optional<RecordingFile> parseRecordingName(const QString& fileName) {
    static const QRegularExpression pattern(
        QStringLiteral(R"(_(\d{4})(\d{2})(\d{2})_(\d{2})(?:\.(\d+))?\.gz$)"));
    const QRegularExpressionMatch m = pattern.match(fileName);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int hour = m.captured(4).toInt();
    if (!date.isValid() || hour > 23) {
        return std::nullopt;
    }
    RecordingFile f;
    f.path = fileName;
    f.hour = QDateTime(date, QTime(hour, 0), Qt::UTC).toSecsSinceEpoch() / 3600;
    f.sequence = m.captured(5).isEmpty() ? 0 : m.captured(5).toInt();
    return f;
}

QVector<RecordingFile> listRecordings(const QString& dir) {
    QVector<RecordingFile> out;
    const QDir d(dir);
    if (dir.isEmpty() || !d.exists()) {
        return out;
    }
    for (const QString& name : d.entryList({QStringLiteral("*.gz")}, QDir::Files, QDir::Name)) {
        RecordingFile f = parseRecordingName(name).value_or(RecordingFile{});
        f.path = d.filePath(name);
        out.append(f);
    }
    // Stable: within one hour and sequence (two prefixes in one directory) the name order stays.
    std::stable_sort(out.begin(), out.end(), [](const RecordingFile& a, const RecordingFile& b) {
        if (a.hour.has_value() != b.hour.has_value()) {
            return a.hour.has_value();
        }
        if (a.hour != b.hour) {
            return *a.hour < *b.hour;
        }
        return a.sequence < b.sequence;
    });
    return out;
}

QStringList recordingPaths(const QVector<RecordingFile>& files) {
    QStringList out;
    for (const RecordingFile& f : files) {
        out << f.path;
    }
    return out;
}

} // namespace hoga::gui
