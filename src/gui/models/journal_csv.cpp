#include "gui/models/journal_csv.h"

#include "gui/models/journal_model.h"

#include <QCoreApplication>

namespace hoga::gui {

QString csvField(const QString& value) {
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
                       value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n'));
    if (!quote) {
        return value;
    }
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool writeCsv(const QAbstractItemModel& model, QIODevice& out, QString& error) {
    const int columns = model.columnCount();
    const auto cell = [](const QVariant& exported, const QVariant& shown) {
        return csvField((exported.isValid() ? exported : shown).toString());
    };
    const auto writeLine = [&](const QStringList& fields) {
        const QByteArray line = (fields.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8();
        return out.write(line) == line.size();
    };
    QStringList fields;
    for (int c = 0; c < columns; ++c) {
        fields.append(cell(model.headerData(c, Qt::Horizontal, JournalModel::ExportRole),
                           model.headerData(c, Qt::Horizontal, Qt::DisplayRole)));
    }
    bool ok = writeLine(fields);
    for (int r = 0; ok && r < model.rowCount(); ++r) {
        fields.clear();
        for (int c = 0; c < columns; ++c) {
            const QModelIndex index = model.index(r, c);
            fields.append(cell(index.data(JournalModel::ExportRole), index.data(Qt::DisplayRole)));
        }
        ok = writeLine(fields);
    }
    if (!ok) {
        error = out.errorString();
    }
    return ok;
}

} // namespace hoga::gui
