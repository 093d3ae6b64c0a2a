// Template quality on the Loghub-2k collections (Zhu et al., ICSE-SEIP 2019): each collection's
// 2,000 raw lines go through the analyser with no configuration per collection, and the groups
// it makes are scored against the labelled events by grouping accuracy (a line counts when the
// lines grouped with it are exactly the lines sharing its true event). The anchor, in the same
// run: Drain (He et al., ICWS 2017) on the same raw lines with generic masks only.
//
// Usage: bench_logquality DIR, or IDESK_LOGHUB_DIR=DIR; DIR holds one folder per collection with
// NAME_2k.log and NAME_2k.log_structured.csv (a checkout of github.com/logpai/loghub). The table
// goes to standard error (scripts/bench shows it), the BENCH line to standard output.

#include "core/logs/loganalyzer.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QStringList>
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

using View = std::string_view;

// The structured CSV's EventId column, one entry per row (RFC 4180 quoting).
std::vector<std::string> eventIds(const QByteArray &csv)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
                field.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field.push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n')
                ++i;
            row.push_back(std::move(field));
            field.clear();
            rows.push_back(std::move(row));
            row.clear();
        } else {
            field.push_back(c);
        }
    }
    if (!field.empty() || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    std::vector<std::string> ids;
    if (rows.empty())
        return ids;
    const auto at = std::find(rows[0].begin(), rows[0].end(), "EventId");
    if (at == rows[0].end())
        return ids;
    const size_t col = size_t(at - rows[0].begin());
    for (size_t r = 1; r < rows.size(); ++r)
        ids.push_back(col < rows[r].size() ? rows[r][col] : std::string());
    return ids;
}

double groupingAccuracy(const std::vector<std::string> &truth, const std::vector<int> &predicted)
{
    std::map<std::string, std::vector<size_t>> byEvent;
    std::map<int, std::vector<size_t>> byGroup;
    for (size_t i = 0; i < truth.size(); ++i) {
        byEvent[truth[i]].push_back(i);
        byGroup[predicted[i]].push_back(i);
    }
    size_t right = 0;
    for (size_t i = 0; i < truth.size(); ++i)
        right += byEvent[truth[i]] == byGroup[predicted[i]] ? 1 : 0;
    return truth.empty() ? 0 : double(right) / double(truth.size());
}

std::vector<int> oursGroups(const QByteArray &log, size_t lines)
{
    idesk::logs::Options opt;
    opt.match = {};
    opt.withLines = true;
    const idesk::logs::Report r = idesk::logs::LogAnalyzer::analyze(log, opt);
    std::vector<int> predicted(lines, -1);
    for (size_t t = 0; t < r.templates.size(); ++t)
        for (qint64 n : r.templates[t].lineNumbers)
            if (n >= 1 && size_t(n) <= lines)
                predicted[size_t(n - 1)] = int(t);
    return predicted;
}

// Drain, from the paper's description: a line is masked (numbers, hex, IPv4 addresses), split
// on blanks, and routed through a tree of fixed depth (its token count, then its first tokens;
// a token with a digit takes the wildcard branch, and a node full of children sends new tokens
// there too) to a leaf holding log groups. The group with the highest share of positions equal
// to the line (wildcards not counting) takes it if that share reaches the threshold, and its
// template keeps a wildcard wherever the two differ; otherwise the line starts a new group.
class Drain
{
public:
    Drain(int depth, double threshold, size_t maxChildren)
        : m_layers(std::max(1, depth - 2)), m_threshold(threshold), m_maxChildren(maxChildren)
    {}

    int add(View line)
    {
        std::vector<std::string> tokens = tokenize(line);
        Node *node = &m_byLength[tokens.size()];
        for (int layer = 0; layer < m_layers && size_t(layer) < tokens.size(); ++layer) {
            const std::string &t = tokens[size_t(layer)];
            const std::string key = hasDigit(t) ? std::string(kWild) : t;
            auto it = node->children.find(key);
            if (it == node->children.end()) {
                // A full node sends every new token down its wildcard branch.
                const std::string &use =
                    node->children.size() + 1 >= m_maxChildren ? std::string(kWild) : key;
                it = node->children.find(use);
                if (it == node->children.end())
                    it = node->children.emplace(use, std::make_unique<Node>()).first;
            }
            node = it->second.get();
        }
        int best = -1;
        double bestSim = -1;
        int bestWild = -1;
        for (int g : node->groups) {
            const std::vector<std::string> &tpl = m_groups[size_t(g)];
            int same = 0, wild = 0;
            for (size_t k = 0; k < tpl.size(); ++k) {
                if (tpl[k] == kWild)
                    ++wild;
                else if (tpl[k] == tokens[k])
                    ++same;
            }
            const double sim = tokens.empty() ? 1.0 : double(same) / double(tokens.size());
            if (sim > bestSim || (sim == bestSim && wild > bestWild)) {
                best = g;
                bestSim = sim;
                bestWild = wild;
            }
        }
        if (best >= 0 && bestSim >= m_threshold) {
            std::vector<std::string> &tpl = m_groups[size_t(best)];
            for (size_t k = 0; k < tpl.size(); ++k)
                if (tpl[k] != tokens[k])
                    tpl[k] = kWild;
            return best;
        }
        m_groups.push_back(std::move(tokens));
        node->groups.push_back(int(m_groups.size() - 1));
        return int(m_groups.size() - 1);
    }

private:
    static constexpr View kWild = "<*>";

    struct Node
    {
        std::map<std::string, std::unique_ptr<Node>> children;
        std::vector<int> groups;
    };

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    static bool isHex(char c)
    {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
    static bool isAlnum(char c)
    {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    static bool hasDigit(View t) { return std::any_of(t.begin(), t.end(), isDigit); }

    // The generic masks: "a.b.c.d[:port]", "0x…", and digit runs not inside a word (a number
    // standing alone or between punctuation), each replaced by the wildcard.
    static std::string mask(View s)
    {
        std::string out;
        size_t i = 0;
        while (i < s.size()) {
            const bool wordBefore = i > 0 && isAlnum(s[i - 1]);
            if (!wordBefore && isDigit(s[i])) {
                // IPv4 with an optional port.
                size_t j = i;
                int parts = 0;
                while (parts < 4) {
                    const size_t b = j;
                    while (j < s.size() && isDigit(s[j]) && j - b < 3)
                        ++j;
                    if (j == b)
                        break;
                    ++parts;
                    if (parts < 4) {
                        if (j < s.size() && s[j] == '.')
                            ++j;
                        else
                            break;
                    }
                }
                if (parts == 4 && (j >= s.size() || !isAlnum(s[j]))) {
                    if (j < s.size() && s[j] == ':' && j + 1 < s.size() && isDigit(s[j + 1])) {
                        ++j;
                        while (j < s.size() && isDigit(s[j]))
                            ++j;
                    }
                    out.append(kWild);
                    i = j;
                    continue;
                }
                if (s[i] == '0' && i + 2 < s.size() && (s[i + 1] == 'x' || s[i + 1] == 'X') &&
                    isHex(s[i + 2])) {
                    j = i + 2;
                    while (j < s.size() && isHex(s[j]))
                        ++j;
                    if (j >= s.size() || !isAlnum(s[j])) {
                        out.append(kWild);
                        i = j;
                        continue;
                    }
                }
                j = i;
                while (j < s.size() && isDigit(s[j]))
                    ++j;
                if (j >= s.size() || !isAlnum(s[j])) {
                    out.append(kWild);
                    i = j;
                    continue;
                }
            }
            out.push_back(s[i++]);
        }
        return out;
    }

    static std::vector<std::string> tokenize(View line)
    {
        const std::string masked = mask(line);
        std::vector<std::string> tokens;
        size_t i = 0;
        while (i < masked.size()) {
            while (i < masked.size() && (masked[i] == ' ' || masked[i] == '\t'))
                ++i;
            const size_t b = i;
            while (i < masked.size() && masked[i] != ' ' && masked[i] != '\t')
                ++i;
            if (i > b)
                tokens.emplace_back(masked, b, i - b);
        }
        return tokens;
    }

    int m_layers;
    double m_threshold;
    size_t m_maxChildren;
    std::map<size_t, Node> m_byLength;
    std::vector<std::vector<std::string>> m_groups;
};

std::vector<int> drainGroups(const std::vector<View> &lines)
{
    Drain drain(4, 0.4, 100);
    std::vector<int> out;
    out.reserve(lines.size());
    for (View l : lines)
        out.push_back(drain.add(l));
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QString root = argc > 1 ? QString::fromLocal8Bit(argv[1])
                            : QString::fromLocal8Bit(qgetenv("IDESK_LOGHUB_DIR"));
    if (root.isEmpty()) {
        std::fprintf(stderr, "usage: bench_logquality LOGHUB_DIR (or set IDESK_LOGHUB_DIR)\n");
        return 2;
    }
    const QDir dir(root);
    const QStringList names = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    std::fprintf(stderr, "%-12s %6s %8s %8s\n", "collection", "lines", "ours", "drain");
    double sumOurs = 0, sumDrain = 0;
    int n = 0;
    for (const QString &name : names) {
        QFile logFile(dir.filePath(name + QLatin1Char('/') + name + QStringLiteral("_2k.log")));
        QFile csvFile(dir.filePath(name + QLatin1Char('/') + name +
                                   QStringLiteral("_2k.log_structured.csv")));
        if (!logFile.open(QIODevice::ReadOnly) || !csvFile.open(QIODevice::ReadOnly))
            continue;
        const QByteArray log = logFile.readAll();
        const std::vector<std::string> truth = eventIds(csvFile.readAll());
        std::vector<View> lines;
        for (qsizetype b = 0; b < log.size();) {
            qsizetype e = log.indexOf('\n', b);
            if (e < 0)
                e = log.size();
            View l(log.constData() + b, size_t(e - b));
            if (!l.empty() && l.back() == '\r')
                l.remove_suffix(1);
            lines.push_back(l);
            b = e + 1;
        }
        if (truth.empty() || truth.size() != lines.size()) {
            std::fprintf(stderr, "%s: %zu lines but %zu labels; skipped\n", qPrintable(name),
                         lines.size(), truth.size());
            continue;
        }
        const double ours = groupingAccuracy(truth, oursGroups(log, lines.size()));
        const double drain = groupingAccuracy(truth, drainGroups(lines));
        std::fprintf(stderr, "%-12s %6zu %8.3f %8.3f\n", qPrintable(name), lines.size(), ours,
                     drain);
        sumOurs += ours;
        sumDrain += drain;
        ++n;
    }
    if (n == 0) {
        std::fprintf(stderr, "no Loghub-2k collections under %s\n", qPrintable(root));
        return 1;
    }
    std::fprintf(stderr, "%-12s %6d %8.3f %8.3f\n", "average", n, sumOurs / n, sumDrain / n);
    std::printf("BENCH logquality ours=%.3f anchor=%.3f ratio=%.2fx goal=ahead_of_drain,0.865 "
                "collections=%d\n",
                sumOurs / n, sumDrain / n, sumDrain > 0 ? sumOurs / sumDrain : 0.0, n);
    return 0;
}
