#pragma once

#include <QString>
#include <QStringView>

// GitHub-flavoured Markdown building blocks for text that came from users or commands: user text
// is shown as written, never interpreted as Markdown, and never breaks the surrounding document.
namespace idesk::md {

// One line of user text inside a Markdown line (after a list marker, in a heading, after
// "**14:30 UTC**: "). Newlines become spaces. With atBlockStart the text is also kept from
// opening a block of its own (heading, list, quote, task box, setext underline).
QString escapeInline(QStringView text, bool atBlockStart = false);
// Text for a heading line: like escapeInline at block start, plus a trailing "#" run that
// would otherwise be read as the heading's closing sequence.
QString escapeHeading(QStringView text);
// A paragraph or several: every line escaped as a block start, blank lines kept (one at most).
QString escapeBlock(QStringView text);

// The longest run of consecutive backticks in text.
int longestBacktickRun(QStringView text);
// An inline code span whose delimiters are longer than any backtick run inside it.
QString codeSpan(QStringView text);
// A fenced code block (ending in a newline) whose fence is longer than any backtick run inside.
QString fencedBlock(QStringView content, QStringView info = {});

// Drops control characters (ANSI escapes included) other than newline and tab, which could
// hide text or garble a terminal when the Markdown is printed.
QString stripControl(QStringView text);

} // namespace idesk::md
