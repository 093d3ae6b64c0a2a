#include "core/postmortem/evidence.h"
#include "core/postmortem/markdown.h"

#include <QTest>

using namespace idesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(idesk::DiagnosticEvidence)

class TestMarkdownEscape : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void inlineText_data();
    void inlineText();
    void blockStarts_data();
    void blockStarts();
    void heading();
    void block();
    void codeSpans_data();
    void codeSpans();
    void fences();
    void controlCharacters();
    void evidenceRoundTrip_data();
    void evidenceRoundTrip();
    void notEvidence_data();
    void notEvidence();
    void excerpt();
};

void TestMarkdownEscape::inlineText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("plain") << u"Mitigation applied"_s << u"Mitigation applied"_s;
    QTest::newRow("stars") << u"*not* **bold**"_s << u"\\*not\\* \\*\\*bold\\*\\*"_s;
    QTest::newRow("backticks") << u"run `ls`"_s << u"run \\`ls\\`"_s;
    QTest::newRow("pipes") << u"a | b"_s << u"a \\| b"_s;
    QTest::newRow("tilde") << u"~500 users, ~~gone~~"_s << u"\\~500 users, \\~\\~gone\\~\\~"_s;
    QTest::newRow("snake_case kept") << u"db_pool_size"_s << u"db_pool_size"_s;
    QTest::newRow("underscore emphasis") << u"_x_ and __init"_s << u"\\_x\\_ and \\_\\_init"_s;
    QTest::newRow("html tag") << u"<b>x</b> a < b"_s << u"\\<b>x\\</b> a < b"_s;
    QTest::newRow("entity") << u"&amp; & &#42;"_s << u"\\&amp; & \\&#42;"_s;
    QTest::newRow("backslash before punct") << u"\\* and C:\\dir"_s << u"\\\\\\* and C:\\dir"_s;
    QTest::newRow("trailing backslash") << u"ends \\"_s << u"ends \\\\"_s;
    QTest::newRow("newlines collapse") << u"one\ntwo\r\nthree"_s << u"one two three"_s;
    QTest::newRow("leading hash mid-line is fine") << u"# x"_s << u"# x"_s;
    QTest::newRow("unicode") << u"Ωmega_ünïcode 💥"_s << u"Ωmega_ünïcode 💥"_s;
    // Links: only http(s) targets survive as links.
    QTest::newRow("javascript link")
        << u"see [x](javascript:alert(1))"_s << u"see \\[x](javascript:alert(1))"_s;
    QTest::newRow("data link") << u"a [x](data:text/html;base64,PHN2Zz4=)"_s
                               << u"a \\[x](data:text/html;base64,PHN2Zz4=)"_s;
    QTest::newRow("vbscript image")
        << u"a ![i]( VBScript:msgbox)"_s << u"a !\\[i]( VBScript:msgbox)"_s;
    QTest::newRow("scheme hidden by an entity")
        << u"a [x](jav&#x61;script:y)"_s << u"a \\[x](jav\\&#x61;script:y)"_s;
    QTest::newRow("bracketed destination")
        << u"a [x](<javascript:y>)"_s << u"a \\[x](\\<javascript:y>)"_s;
    QTest::newRow("nested brackets")
        << u"a [b [c](javascript:x)]"_s << u"a \\[b \\[c](javascript:x)]"_s;
    QTest::newRow("safe link before an unsafe one")
        << u"[a](https://x.io) [b](javascript:y)"_s << u"\\[a](https://x.io) \\[b](javascript:y)"_s;
    QTest::newRow("safe link after an unsafe one")
        << u"[b](javascript:y) [a](https://x.io)"_s << u"\\[b](javascript:y) [a](https://x.io)"_s;
    QTest::newRow("https link kept")
        << u"see [docs](https://example.com/a)"_s << u"see [docs](https://example.com/a)"_s;
    QTest::newRow("brackets without a link")
        << u"[WARN] pool at 100%"_s << u"[WARN] pool at 100%"_s;
    // Slack mentions stay text wherever the Markdown is posted.
    QTest::newRow("slack user") << u"ping <@U012AB3CD> now"_s << u"ping &lt;@U012AB3CD> now"_s;
    QTest::newRow("slack channel") << u"see <#C0123|ops>"_s << u"see &lt;#C0123\\|ops>"_s;
    QTest::newRow("slack here and channel")
        << u"<!here> and <!channel>"_s << u"&lt;!here> and &lt;!channel>"_s;
    QTest::newRow("slack subteam") << u"<!subteam^S1|@oncall>"_s << u"&lt;!subteam^S1\\|@oncall>"_s;
    QTest::newRow("bidi and escapes removed") << u"a\u202Eb\u2066c\x1b]0;title\x07"
                                                 "d\u200Fe"_s
                                              << u"abcd\u200Fe"_s;
}

void TestMarkdownEscape::inlineText()
{
    QFETCH(QString, text);
    QFETCH(QString, escaped);
    QCOMPARE(md::escapeInline(text), escaped);
}

void TestMarkdownEscape::blockStarts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("heading") << u"# Title"_s << u"\\# Title"_s;
    QTest::newRow("heading 6") << u"###### six"_s << u"\\###### six"_s;
    QTest::newRow("7 hashes is text") << u"####### seven"_s << u"####### seven"_s;
    QTest::newRow("hashtag is text") << u"#incident-2024"_s << u"#incident-2024"_s;
    QTest::newRow("bullet dash") << u"- item"_s << u"\\- item"_s;
    QTest::newRow("bullet plus") << u"+ item"_s << u"\\+ item"_s;
    QTest::newRow("bullet star") << u"* item"_s << u"\\* item"_s;
    QTest::newRow("ordered") << u"12. item"_s << u"12\\. item"_s;
    QTest::newRow("ordered paren") << u"3) item"_s << u"3\\) item"_s;
    QTest::newRow("version number") << u"1.2 release"_s << u"1.2 release"_s;
    QTest::newRow("quote") << u"> quoted"_s << u"\\> quoted"_s;
    QTest::newRow("task box") << u"[x] done"_s << u"\\[x] done"_s;
    QTest::newRow("link at block start") << u"[x](javascript:y)"_s << u"\\[x](javascript:y)"_s;
    QTest::newRow("safe link at block start")
        << u"[x](https://example.com)"_s << u"\\[x](https://example.com)"_s;
    QTest::newRow("rule") << u"---"_s << u"\\---"_s;
    QTest::newRow("setext") << u"==="_s << u"\\==="_s;
    QTest::newRow("dash word") << u"-flag"_s << u"-flag"_s;
}

void TestMarkdownEscape::blockStarts()
{
    QFETCH(QString, text);
    QFETCH(QString, escaped);
    QCOMPARE(md::escapeInline(text, true), escaped);
}

void TestMarkdownEscape::heading()
{
    QCOMPARE(md::escapeHeading(u"Outage #2 #"_s), u"Outage #2 \\#"_s);
    QCOMPARE(md::escapeHeading(u"Outage ##"_s), u"Outage \\##"_s);
    QCOMPARE(md::escapeHeading(u"C#"_s), u"C#"_s);
    QCOMPARE(md::escapeHeading(u"# inner"_s), u"\\# inner"_s);
}

void TestMarkdownEscape::block()
{
    QCOMPARE(md::escapeBlock(u"\n\n  first\n    - second\n\n\n\nthird\n\n"_s),
             u"first\n\\- second\n\nthird"_s);
    QCOMPARE(md::escapeBlock(u"   "_s), QString());
}

void TestMarkdownEscape::codeSpans_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("span");
    QTest::newRow("plain") << u"kubectl get pods"_s << u"`kubectl get pods`"_s;
    QTest::newRow("one tick") << u"a`b"_s << u"``a`b``"_s;
    QTest::newRow("three ticks") << u"x ```y``` z"_s << u"````x ```y``` z````"_s;
    QTest::newRow("leading tick") << u"`x"_s << u"`` `x ``"_s;
    QTest::newRow("spaces both sides") << u" x "_s << u"`  x  `"_s;
}

void TestMarkdownEscape::codeSpans()
{
    QFETCH(QString, text);
    QFETCH(QString, span);
    QCOMPARE(md::codeSpan(text), span);
}

void TestMarkdownEscape::fences()
{
    QCOMPARE(md::longestBacktickRun(u"a ` b `` c ````` d"_s), 5);
    QCOMPARE(md::fencedBlock(u"plain"_s), u"```\nplain\n```\n"_s);
    QCOMPARE(md::fencedBlock(u"has ``` inside\n"_s, u"text"),
             u"````text\nhas ``` inside\n````\n"_s);
    QCOMPARE(md::fencedBlock(u"x"_s, u"t`x"), u"```tx\nx\n```\n"_s);
}

void TestMarkdownEscape::controlCharacters()
{
    QCOMPARE(md::stripControl(u"\x1b[31mred\x1b[0m ok\r\nnext\x07\u202Eevil"_s),
             u"red ok\nnextevil"_s);
    QCOMPARE(md::stripControl(u"tab\tkept"_s), u"tab\tkept"_s);
    // Line breaks a renderer may honour become newlines (a single-line field then flattens them).
    QCOMPARE(md::stripControl(u"a\u2028b\u2029c\rd\u0085"
                              "e\x0b"
                              "f"_s),
             u"a\nb\nc\nd\ne\nf"_s);
    QCOMPARE(md::escapeInline(u"one\u2028- two"_s), u"one - two"_s);
}

void TestMarkdownEscape::evidenceRoundTrip_data()
{
    QTest::addColumn<DiagnosticEvidence>("evidence");
    DiagnosticEvidence full{u"kubectl get pods -n web3-marketplace"_s, 1, 1250,
                            u"NAME READY\nbackend-1 0/1\n"_s};
    QTest::newRow("full") << full;
    DiagnosticEvidence noDuration{u"curl -s https://api.linkdao.io/health"_s, 0, std::nullopt,
                                  u"{\"status\":\"ok\"}"_s};
    QTest::newRow("no duration") << noDuration;
    DiagnosticEvidence noOutput{u"kubectl rollout restart deployment/backend"_s, 0, 3, QString()};
    QTest::newRow("no output") << noOutput;
    DiagnosticEvidence unknownExit{u"psql -c 'select 1'"_s, std::nullopt, 30000, u"timed out"_s};
    QTest::newRow("killed by watchdog") << unknownExit;
    DiagnosticEvidence negative{u"probe"_s, -9, 5, u"$ not a command\nexit 3"_s};
    QTest::newRow("output that looks like the header") << negative;
}

void TestMarkdownEscape::evidenceRoundTrip()
{
    QFETCH(DiagnosticEvidence, evidence);
    const QString text = formatDiagnosticText(evidence);
    QVERIFY(text.startsWith(u"$ "_s));
    const std::optional<DiagnosticEvidence> back = parseDiagnosticText(text);
    QVERIFY(back.has_value());
    QCOMPARE(back->command, evidence.command);
    QCOMPARE(back->exitCode, evidence.exitCode);
    QCOMPARE(back->durationMs, evidence.durationMs);
    QCOMPARE(back->output, evidence.output);
}

void TestMarkdownEscape::notEvidence_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("free text") << u"Checked the pods, all running"_s;
    QTest::newRow("no exit line") << u"$ kubectl get pods\nNAME READY"_s;
    QTest::newRow("one line") << u"$ kubectl get pods"_s;
    QTest::newRow("empty command") << u"$ \nexit 0"_s;
    QTest::newRow("exit with words") << u"$ x\nexit code was 0"_s;
}

void TestMarkdownEscape::notEvidence()
{
    QFETCH(QString, text);
    QVERIFY(!parseDiagnosticText(text).has_value());
}

void TestMarkdownEscape::excerpt()
{
    QStringList many;
    for (int i = 1; i <= 50; ++i)
        many << QString::number(i);
    const QString e = outputExcerpt(many.join(u'\n'), 40);
    QVERIFY(e.startsWith(u"1\n2\n"_s));
    QVERIFY(e.contains(u"\n40\n"_s));
    QVERIFY(!e.contains(u"\n41\n"_s));
    QVERIFY(e.endsWith(u"(10 more lines not shown)"_s));
    QCOMPARE(outputExcerpt(u"short\n"_s), u"short"_s);
    const QString wide = outputExcerpt(QString(100, u'a') + u'\n' + QString(100, u'b'), 40, 150);
    QCOMPARE(wide, QString(100, u'a') + u"\n… (1 more line not shown)"_s);
}

QTEST_GUILESS_MAIN(TestMarkdownEscape)
#include "test_markdown_escape.moc"
