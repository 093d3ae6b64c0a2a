#pragma once

#include <QString>
#include <optional>

class QDoubleSpinBox;
class QLabel;
class QLayout;
class QLineEdit;
class QWidget;

namespace idesk::triagepanel {

// Small pieces the triage panels share; none of them touches the store.

// Text from outside (titles, names, profile strings) is never read as rich text.
QLabel *plainLabel(QWidget *parent, bool wrap = true);
// Removes and deletes every item and its widget.
void clearLayout(QLayout *layout);
// Profile text on a button: a literal '&' must not become a keyboard mnemonic.
QString buttonText(QString text);
// An edit the user is typing in keeps the typing; the commit on editingFinished brings it back.
void setLine(QLineEdit *edit, const QString &text);

} // namespace idesk::triagepanel
