<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n secret(s) redacted</source>
        <translation>
            <numerusform>%n secret redacted</numerusform>
            <numerusform>%n secrets redacted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::CheckCatalogModel</name>
    <message numerus="yes">
        <source>%n failing</source>
        <translation>
            <numerusform>%n failing</numerusform>
            <numerusform>%n failing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::DeclareDialog</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::DiagnosticsTab</name>
    <message numerus="yes">
        <source>%n failing, </source>
        <translation>
            <numerusform>%n failing, </numerusform>
            <numerusform>%n failing, </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::DisplayText</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::LogAnalysisPanel</name>
    <message numerus="yes">
        <source>Errors over time, the %n most frequent templates</source>
        <translation>
            <numerusform>Errors over time, the most frequent template</numerusform>
            <numerusform>Errors over time, the %n most frequent templates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>errors / %n h</source>
        <translation>
            <numerusform>errors / %n h</numerusform>
            <numerusform>errors / %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>errors / %n min</source>
        <translation>
            <numerusform>errors / %n min</numerusform>
            <numerusform>errors / %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::MainWindow</name>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::PlaybookStepModel</name>
    <message numerus="yes">
        <source>%1, %n failed</source>
        <translation>
            <numerusform>%1, %n failed</numerusform>
            <numerusform>%1, %n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::PostmortemTab</name>
    <message numerus="yes">
        <source>Exported to %1 (%n item(s) redacted)</source>
        <translation>
            <numerusform>Exported to %1 (%n item redacted)</numerusform>
            <numerusform>Exported to %1 (%n items redacted)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Markdown copied (%n item(s) redacted)</source>
        <translation>
            <numerusform>Markdown copied (%n item redacted)</numerusform>
            <numerusform>Markdown copied (%n items redacted)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) redacted</source>
        <translation>
            <numerusform>%n item redacted</numerusform>
            <numerusform>%n items redacted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::TimelineCommand</name>
    <message numerus="yes">
        <source>Add %n event(s)</source>
        <translation>
            <numerusform>Add %n event</numerusform>
            <numerusform>Add %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n event(s)</source>
        <translation>
            <numerusform>Delete %n event</numerusform>
            <numerusform>Delete %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::TimelineTab</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — %n minute(s) in the future; check the time</source>
        <translation>
            <numerusform> — %n minute in the future; check the time</numerusform>
            <numerusform> — %n minutes in the future; check the time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unpin %n event(s)</source>
        <translation>
            <numerusform>Unpin %n event</numerusform>
            <numerusform>Unpin %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pin %n event(s)</source>
        <translation>
            <numerusform>Pin %n event</numerusform>
            <numerusform>Pin %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::TranscriptDialog</name>
    <message numerus="yes">
        <source>%n event(s) to add; </source>
        <translation>
            <numerusform>%n event to add; </numerusform>
            <numerusform>%n events to add; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) with errors will not be imported</source>
        <translation>
            <numerusform>%n line with errors will not be imported</numerusform>
            <numerusform>%n lines with errors will not be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) to add</source>
        <translation>
            <numerusform>%n event to add</numerusform>
            <numerusform>%n events to add</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n event(s)</source>
        <translation>
            <numerusform>Add %n event</numerusform>
            <numerusform>Add %n events</numerusform>
        </translation>
    </message>
</context>
</TS>
