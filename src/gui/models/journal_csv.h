#pragma once

// CSV (RFC 4180) of a table model's rows as they are shown (filtered, sorted): a header line with
// the columns' stable names (headerData with JournalModel::ExportRole, falling back to the
// display title), then one line per row with each cell's ExportRole text (the journal's exact
// decimal strings), CRLF line ends, UTF-8, and a field quoted when it holds a comma, a quote, CR
// or LF (quotes doubled inside).

#include <QAbstractItemModel>
#include <QIODevice>
#include <QString>

namespace hoga::gui {

// A field quoted when RFC 4180 needs it.
QString csvField(const QString& value);

// Writes the whole model; false (with `error`) when the device fails.
bool writeCsv(const QAbstractItemModel& model, QIODevice& out, QString& error);

} // namespace hoga::gui
