#pragma once

// The recordings a station session leaves in its directory (storage::RotatingRecorder:
// `<prefix>_YYYYMMDD_HH.gz`, then `_HH.1.gz`, `_HH.2.gz`, … after restarts within the hour), listed
// in the order they must be replayed. A plain sort by name is not that order: it puts `_HH.1.gz`
// before `_HH.gz`. Shared by what reads a session's recordings (what-if runs, trade replays).

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace hoga::gui {

struct RecordingFile {
    QString path;
    // The UTC hour in the name, as whole hours since the Unix epoch; unset for a file whose name
    // is not the recorder's (it is listed, but only its contents can say what it covers).
    std::optional<qint64> hour;
    int sequence = 0; // the N of `_HH.N.gz`; 0 for `_HH.gz`
};

// The hour and sequence in a recorder's file name, or unset.
std::optional<RecordingFile> parseRecordingName(const QString& fileName);

// Every `*.gz` file in `dir`: the recorder's by hour, then sequence; any others after them, by
// name. Empty when the directory is missing.
QVector<RecordingFile> listRecordings(const QString& dir);
QStringList recordingPaths(const QVector<RecordingFile>& files);

} // namespace hoga::gui
