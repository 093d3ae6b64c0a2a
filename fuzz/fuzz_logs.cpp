// The log analyser: any bytes from a file, stdin or kubectl logs. The same input fed whole and
// fed in two pieces (the streaming path, where a line may be cut between blocks) must give the
// same report, and the report's counts must add up.
#include "core/logs/loganalyzer.h"
#include "fuzzsupport.h"

namespace {

bool same(const idesk::logs::Report &a, const idesk::logs::Report &b)
{
    if (a.lines != b.lines || a.errorLines != b.errorLines ||
        a.errorGroups.size() != b.errorGroups.size() || a.slowest.size() != b.slowest.size() ||
        a.templates.size() != b.templates.size())
        return false;
    for (std::size_t i = 0; i < a.errorGroups.size(); ++i) {
        if (a.errorGroups[i].count != b.errorGroups[i].count ||
            a.errorGroups[i].text != b.errorGroups[i].text)
            return false;
    }
    for (std::size_t i = 0; i < a.slowest.size(); ++i) {
        if (a.slowest[i].text != b.slowest[i].text)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = fuzzsupport::bytes(data, size);
    idesk::logs::Options options;
    options.match = QByteArrayLiteral("E");
    options.threads = 1;
    const idesk::logs::Report whole = idesk::logs::LogAnalyzer::analyze(input, options);

    qint64 grouped = 0;
    for (const auto &g : whole.errorGroups)
        grouped += g.count;
    fuzzsupport::require(grouped == whole.errorLines);
    fuzzsupport::require(whole.errorLines <= whole.lines);
    fuzzsupport::require(whole.slowest.size() <= std::size_t(options.slowest));

    // The streaming path: a first block cut at an arbitrary byte, the rest passed again with
    // whatever the analyser did not consume.
    idesk::logs::LogAnalyzer streamed(options);
    const qsizetype cut =
        input.isEmpty() ? 0 : qsizetype(std::uint8_t(input.front())) % (input.size() + 1);
    const qsizetype used = streamed.consume(QByteArrayView(input).first(cut));
    fuzzsupport::require(used >= 0 && used <= cut);
    streamed.consume(QByteArrayView(input).sliced(used), true);
    fuzzsupport::require(same(whole, streamed.finish()));
    return 0;
}
