// Every status colour reads on what it is drawn on (WCAG AA, 4.5:1) with the light and with a
// dark palette: severity, countdowns, banners, links, the incident list.
#include "gui/filledlabel.h"
#include "gui/severitystyle.h"
#include "models/incidentlistmodel.h"
#include "windowscenes.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyleFactory>
#include <QStyleOptionViewItem>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace idesk;

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x35, 0x35, 0x35);
    const QColor base(0x2a, 0x2a, 0x2a);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, Qt::white);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x42, 0x42, 0x42));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Text, Qt::white);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, Qt::white);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb7, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::Midlight, QColor(0x45, 0x45, 0x45));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

// The delegate's protected initStyleOption, called through a class derived from its base.
struct DelegateAccess : QStyledItemDelegate
{
    static void init(const QStyledItemDelegate *d, QStyleOptionViewItem *o, const QModelIndex &i)
    {
        (d->*(&DelegateAccess::initStyleOption))(o, i);
    }
};

// What `w` draws its text on, and the colour of that text; false for a widget without text of
// its own (containers, empty labels) or one that is disabled (WCAG exempts inactive controls).
bool textAndBackground(const QWidget *w, QColor *text, QColor *background)
{
    if (!w->isEnabled())
        return false;
    const QPalette &pal = w->palette();
    if (const auto *filled = qobject_cast<const FilledLabel *>(w)) {
        if (filled->text().isEmpty())
            return false;
        *text = filled->textColor();
        *background =
            filled->background().isValid() ? filled->background() : pal.color(QPalette::Window);
        return true;
    }
    if (const auto *label = qobject_cast<const QLabel *>(w)) {
        if (label->text().isEmpty())
            return false;
        *text = pal.color(QPalette::WindowText);
        *background =
            pal.color(label->autoFillBackground() ? label->backgroundRole() : QPalette::Window);
        return true;
    }
    if (const auto *button = qobject_cast<const QAbstractButton *>(w)) {
        if (button->text().isEmpty())
            return false;
        const auto *push = qobject_cast<const QPushButton *>(w);
        const auto *tool = qobject_cast<const QToolButton *>(w);
        const bool flat = (push && push->isFlat()) || (tool && tool->autoRaise()) ||
                          (!push && !tool); // check boxes and radio buttons: text beside
        *text = pal.color(QPalette::ButtonText);
        if (!push && !tool)
            *text = pal.color(QPalette::WindowText);
        // A checked severity button is filled by its style sheet; severityFills checks that.
        if (button->isChecked() && w->objectName().startsWith(u"severity"))
            return false;
        *background = pal.color(flat ? QPalette::Window : QPalette::Button);
        return true;
    }
    if (const auto *edit = qobject_cast<const QLineEdit *>(w)) {
        if (edit->text().isEmpty())
            return false;
        *text = pal.color(QPalette::Text);
        *background = pal.color(QPalette::Base);
        return true;
    }
    return false;
}

} // namespace

class TestContrast : public QObject
{
    Q_OBJECT

    void usePalette(const QString &name)
    {
        QApplication::setPalette(name == u"dark" ? darkPalette()
                                                 : QApplication::style()->standardPalette());
    }

    static void checkWidgets(QWidget *root, const QString &moment)
    {
        for (QWidget *w : root->findChildren<QWidget *>()) {
            if (!w->isVisibleTo(root))
                continue;
            w->ensurePolished();
            QColor text;
            QColor background;
            if (!textAndBackground(w, &text, &background))
                continue;
            const double ratio = contrastRatio(text, background);
            if (ratio < kMinimumContrast) {
                const auto *label = qobject_cast<const QLabel *>(w);
                const auto *button = qobject_cast<const QAbstractButton *>(w);
                QFAIL(qPrintable(QStringLiteral("%1: %2 '%3' (%4) has %5 on %6: contrast %7")
                                     .arg(moment, QString::fromLatin1(w->metaObject()->className()),
                                          w->objectName(),
                                          label    ? label->text().left(40)
                                          : button ? button->text().left(40)
                                                   : QString(),
                                          text.name(), background.name())
                                     .arg(ratio, 0, 'f', 2)));
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::enterTestMode();
        qputenv("IDESK_NO_DIALOGS", "1");
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    }

    void cleanup() { usePalette(QStringLiteral("light")); }

    void palettes_data()
    {
        QTest::addColumn<QString>("palette");
        QTest::newRow("light") << QStringLiteral("light");
        QTest::newRow("dark") << QStringLiteral("dark");
    }

    // readableOn keeps its answers: each must still belong to its own pair of colours, in
    // whatever order the pairs are asked, and after more pairs than it keeps.
    void readableAnswersFollowBothColours()
    {
        const QColor grey(0x75, 0x75, 0x75);
        const QColor light(0xfa, 0xfa, 0xfa), dark(0x2a, 0x2a, 0x2a);
        const QColor onLight = readableOn(grey, light);
        const QColor onDark = readableOn(grey, dark);
        QVERIFY(onLight != onDark); // darkened on one, lightened on the other
        QVERIFY(contrastRatio(onLight, light) >= kMinimumContrast);
        QVERIFY(contrastRatio(onDark, dark) >= kMinimumContrast);
        QCOMPARE(readableOn(grey, light), onLight);
        QCOMPARE(readableOn(grey, dark), onDark);
        // The same colour given in another model is answered for itself.
        const QColor greyHsl = grey.toHsl();
        QVERIFY(contrastRatio(readableOn(greyHsl, dark), dark) >= kMinimumContrast);
        QCOMPARE(readableOn(greyHsl, light).rgb(), readableOn(grey, light).rgb());
        for (int i = 0; i < 200; ++i) {
            const QColor bg(i, i, i);
            const QColor answer = readableOn(grey, bg);
            QVERIFY2(contrastRatio(answer, bg) >= kMinimumContrast || answer == QColor(Qt::white) ||
                         answer == QColor(Qt::black),
                     qPrintable(bg.name()));
        }
        QCOMPARE(readableOn(grey, light), onLight);
        QCOMPARE(readableOn(grey, dark), onDark);
    }

    void severityFills_data() { palettes_data(); }
    void severityFills()
    {
        QFETCH(QString, palette);
        usePalette(palette);
        const QPalette pal = QApplication::palette();
        for (int i = 0; i < SeverityCount; ++i) {
            const auto s = static_cast<Severity>(i);
            // Badge and checked button: the fill under its text colour.
            QVERIFY2(contrastRatio(textOnFill(severityColor(s)), severityColor(s)) >=
                         kMinimumContrast,
                     qPrintable(severityToString(s)));
            // As text on the window (buttons, labels) and on the base (lists).
            for (const auto role : {QPalette::Window, QPalette::Base, QPalette::Button})
                QVERIFY2(contrastRatio(severityTextColor(s), pal.color(role)) >= kMinimumContrast,
                         qPrintable(severityToString(s)));
        }
        for (const QString &signal : {alertRed(), okGreen(), linkBlue()}) {
            for (const auto role : {QPalette::Window, QPalette::Base})
                QVERIFY2(contrastRatio(QColor(signal), pal.color(role)) >= kMinimumContrast,
                         qPrintable(signal));
            QVERIFY(contrastRatio(textOnFill(QColor(signal)), QColor(signal)) >= kMinimumContrast);
        }
    }

    void incidentList_data() { palettes_data(); }
    void incidentList()
    {
        QFETCH(QString, palette);
        usePalette(palette);
        test::WindowScene scene;
        scene.walkIncidentStates([](const QString &) {});
        auto *view = scene.window().findChild<QTableView *>(QStringLiteral("incidentView"));
        QVERIFY(view);
        auto *delegate = qobject_cast<QStyledItemDelegate *>(view->itemDelegate());
        QVERIFY(delegate);
        QAbstractItemModel *model = view->model();
        QVERIFY(model->rowCount() >= 4);
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                QStyleOptionViewItem option;
                option.initFrom(view);
                option.palette = view->palette();
                const QModelIndex index = model->index(row, column);
                DelegateAccess::init(delegate, &option, index);
                const QColor text = option.palette.color(QPalette::Text);
                const QColor base = option.backgroundBrush.style() != Qt::NoBrush
                                        ? option.backgroundBrush.color()
                                        : option.palette.color(QPalette::Base);
                QVERIFY2(contrastRatio(text, base) >= kMinimumContrast,
                         qPrintable(QStringLiteral("row %1 column %2: %3 on %4")
                                        .arg(row)
                                        .arg(column)
                                        .arg(text.name(), base.name())));
            }
        }
    }

    void everyTab_data() { palettes_data(); }
    void everyTab()
    {
        QFETCH(QString, palette);
        usePalette(palette);
        test::WindowScene scene;
        scene.walkIncidentStates([&](const QString &moment) {
            for (const int tab : {0, 2, 3}) {
                scene.showTab(tab);
                checkWidgets(&scene.window(), moment + QStringLiteral(", tab %1").arg(tab));
                if (QTest::currentTestFailed())
                    return;
            }
            scene.showTab(0);
        });
    }
};

QTEST_MAIN(TestContrast)
#include "test_contrast.moc"
