#pragma once

class QCoreApplication;

namespace idesk {

// Installs IncidentDesk's catalogue and Qt's own for the system's UI language (LANGUAGE,
// LC_ALL, LC_MESSAGES, LANG), as the window and the CLI both should. A language without a
// catalogue gets English, which has one too: it holds the plural forms of "%n …" texts.
void installTranslations(QCoreApplication &app);

} // namespace idesk
