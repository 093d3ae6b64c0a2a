#include "outputtable.h"

namespace idesk::diag {

namespace {

// Positions are counted in code points, as kubectl's tabwriter pads them.
using Line = QList<uint>;

bool blank(const Line &line)
{
    for (uint c : line) {
        if (c != ' ')
            return false;
    }
    return true;
}

bool upper(uint c)
{
    return c >= 'A' && c <= 'Z';
}

bool validName(const Line &line, qsizetype from, qsizetype to)
{
    bool letter = false;
    int depth = 0;
    for (qsizetype i = from; i < to; ++i) {
        const uint c = line[i];
        if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (--depth < 0)
                return false;
        } else if (upper(c)) {
            letter = true;
        } else if (c >= 'a' && c <= 'z') {
            // Lower case only as a unit, as in CPU(cores).
            if (depth == 0)
                return false;
        } else if (c == ' ') {
            // A single blank, as in LAST SEEN: two would have started the next column.
        } else if (!(c >= '0' && c <= '9') && c != '-' && c != '_' && c != '%' && c != '/' &&
                   c != '.' && c != ':') {
            return false;
        }
    }
    return letter && depth == 0;
}

QString text(const Line &line, qsizetype from, qsizetype to)
{
    from = std::min(from, line.size());
    to = std::min(to, line.size());
    const Line part = line.mid(from, to - from);
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(part.constData()), part.size())
        .trimmed();
}

// The cells of a line not laid out by the header's columns: split at runs of two or more blanks;
// a table only when that gives exactly one cell per column.
std::optional<QStringList> splitLoose(const Line &line, qsizetype columns)
{
    QStringList cells;
    qsizetype start = -1;
    qsizetype spaces = 0;
    for (qsizetype i = 0; i <= line.size(); ++i) {
        const bool end = i == line.size();
        const uint c = end ? ' ' : line[i];
        if (c == ' ') {
            ++spaces;
            if (start >= 0 && (spaces == 2 || end)) {
                cells << text(line, start, i);
                start = -1;
            }
            continue;
        }
        if (start < 0)
            start = i;
        spaces = 0;
    }
    if (cells.size() != columns)
        return std::nullopt;
    return cells;
}

} // namespace

std::optional<OutputTable> parseKubectlTable(const QString &output)
{
    QList<Line> lines;
    for (QStringView l : QStringView(output).split(QLatin1Char('\n'))) {
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
        if (l.contains(QLatin1Char('\t')))
            return std::nullopt; // not the space-padded layout this reads
        lines << l.toUcs4();
    }
    qsizetype at = 0;
    while (at < lines.size() && blank(lines[at]))
        ++at;
    if (at == lines.size())
        return std::nullopt;

    const Line &header = lines[at];
    if (header.isEmpty() || header.front() == ' ')
        return std::nullopt;
    std::vector<qsizetype> starts;
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (header[i] == ' ')
            continue;
        if (i == 0 || (i >= 2 && header[i - 1] == ' ' && header[i - 2] == ' '))
            starts.push_back(i);
    }
    if (starts.size() < 2)
        return std::nullopt;
    OutputTable table;
    for (size_t k = 0; k < starts.size(); ++k) {
        const qsizetype end = k + 1 < starts.size() ? starts[k + 1] : header.size();
        qsizetype to = end;
        while (to > starts[k] && header[to - 1] == ' ')
            --to;
        if (!validName(header, starts[k], to))
            return std::nullopt;
        table.columns << text(header, starts[k], to);
    }

    qsizetype row = at + 1;
    for (; row < lines.size() && !blank(lines[row]); ++row) {
        const Line &line = lines[row];
        // Where the header puts a column, the line has a blank just before it (or has ended):
        // otherwise a cell ran over and the positions do not hold for this line.
        bool aligned = true;
        for (size_t k = 1; k < starts.size() && aligned; ++k)
            aligned = line.size() <= starts[k] || line[starts[k] - 1] == ' ';
        if (aligned) {
            QStringList cells;
            for (size_t k = 0; k < starts.size(); ++k)
                cells << text(line, starts[k], k + 1 < starts.size() ? starts[k + 1] : line.size());
            table.rows << cells;
            continue;
        }
        const std::optional<QStringList> loose = splitLoose(line, table.columns.size());
        if (!loose)
            return std::nullopt;
        table.rows << *loose;
    }
    // A second block (another table, a message) would be lost in a single table.
    for (; row < lines.size(); ++row) {
        if (!blank(lines[row]))
            return std::nullopt;
    }
    if (table.rows.isEmpty())
        return std::nullopt;
    return table;
}

std::optional<OutputTable> tableOf(const DiagnosticResult &result)
{
    if (!result.columns.isEmpty()) {
        OutputTable table{result.columns, result.rows};
        for (QStringList &r : table.rows) {
            while (r.size() < table.columns.size())
                r << QString();
            r = r.mid(0, table.columns.size());
        }
        return table;
    }
    if (result.kind == u"kubectl")
        return parseKubectlTable(result.output);
    return std::nullopt;
}

} // namespace idesk::diag
