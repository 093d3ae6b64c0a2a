#pragma once

#include <QString>

class QWidget;

namespace idesk {

// What the main window asks of each tab, typed instead of by slot name. Tabs are QWidgets that
// also implement this; the window finds it with dynamic_cast, and a tab without it (none today)
// simply does not follow the selection.
class IncidentPage
{
public:
    virtual ~IncidentPage() = default;

    // The incident the list selected; empty for none.
    virtual void setIncidentId(const QString &id) = 0;
    // Finishes what the tab left for after its first paint (screenshots and tests need it now).
    virtual void completeDeferredBuild() {}
    // Where the keyboard goes when the tab is brought to the front with Alt+1…Alt+4.
    virtual QWidget *entryWidget() const { return nullptr; }
    // Text the user typed that is not saved yet, described for the question before quitting;
    // empty when there is none.
    virtual QString unsavedInput() const { return {}; }
};

} // namespace idesk
