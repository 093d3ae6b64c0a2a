#pragma once

#include "diagnosticresult.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace idesk::diag {

// A result's output as columns and rows, for a view that shows it as a table.
struct OutputTable
{
    QStringList columns;
    QList<QStringList> rows; // each exactly columns.size() cells
};

// kubectl's default table output: a header of capitalised column names ("NAME", "LAST SEEN",
// "CPU(cores)") separated by runs of two or more spaces, each column starting where its name
// starts. A cell is the text between its column's start and the next one's, so cells with single
// spaces ("3 days ago") and empty cells keep their place; short lines leave the last cells empty
// and the last column takes the rest of a long line. Anything else ("No resources found", YAML,
// a single column, a second table after a blank line) is not a table.
std::optional<OutputTable> parseKubectlTable(const QString &text);

// What a result shows as a table: an SQL result set as it came, a kubectl check's output when it
// parses as one; nothing otherwise.
std::optional<OutputTable> tableOf(const DiagnosticResult &result);

} // namespace idesk::diag
