#pragma once

#include <QString>
#include <QStringView>

// The one place that decides which characters may leave the app in text meant for people:
// alert and update messages, Slack text, the post-mortem Markdown, the terminal. Text from users,
// imports and commands can carry characters that change what a reader sees (ESC sequences that
// drive a terminal, bidi overrides that reverse a line) or line breaks that forge extra lines.
namespace idesk::safetext {

// C0 controls other than tab and newline, DEL, C1 controls, and the bidi embeddings, overrides
// and isolates (U+202A–U+202E, U+2066–U+2069). The plain marks U+200E/U+200F stay: they only
// nudge neutral characters and cannot reorder a run of text.
bool isUnsafe(char32_t c);

// Line breaks other than "\n" that a renderer may honour: CR, VT, FF, NEL, U+2028, U+2029.
bool isLineBreak(char32_t c);

// Removes every unsafe character (an ANSI escape sequence as a whole); CR LF and the other
// line breaks become "\n", so the text keeps its lines and nothing else.
QString stripControl(QStringView text);

// For a field that is one line where it is shown (a title, a name, an impact): unsafe
// characters removed, every line break and tab turned into a space, ends trimmed.
QString singleLine(QStringView text);

// True for an absolute http or https URL: the only link targets that leave the app. Leading
// spaces and a '<' (CommonMark's bracketed destination) are skipped before the scheme.
bool isHttpLink(QStringView target);

} // namespace idesk::safetext
