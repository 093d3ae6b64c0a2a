#pragma once

#include <QtGlobal>

// What the timeline's parsers say about a line they cannot take (quick entry, time stamps,
// pasted transcripts). Core words them in English, as the CLI prints them; the window shows
// the same texts in its own language (DisplayText::timelineMessage) under this context.
namespace idesk::timelinetext {

inline constexpr char kContext[] = "idesk::TimelineText";

inline constexpr const char *kNothingToAdd =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "nothing to add");
inline constexpr const char *kOffsetTooLarge =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "offset too large: %1");
inline constexpr const char *kTextMissingAfter =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "text missing after %1");
inline constexpr const char *kTextMissingAfterTime =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "text missing after the time");
inline constexpr const char *kTimeDoesNotExist =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "that time does not exist in %1");
inline constexpr const char *kNotAStamp =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "not a valid time stamp");
inline constexpr const char *kMissingBracket =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "missing ']' after the time");
inline constexpr const char *kUnexpectedBracket =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "unexpected ']' after the time");
inline constexpr const char *kNoSpace =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "no space after the time");
inline constexpr const char *kNoSuchDate =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "no such date: %1-%2-%3");
inline constexpr const char *kHourAmPm =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "hour %1 does not go with AM/PM");
inline constexpr const char *kNoSuchTime =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "no such time: %1");
inline constexpr const char *kUnknownZone =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "unknown time zone: %1");
inline constexpr const char *kNoStampNoEvent =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "no time stamp, and no event above to continue");
inline constexpr const char *kContinuesUnread =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "continues a line that could not be read");
inline constexpr const char *kNothingAfterStamp =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "nothing after the time stamp");
inline constexpr const char *kNextDay =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "next day (after midnight)");
inline constexpr const char *kEarlier =
    QT_TRANSLATE_NOOP("idesk::TimelineText", "earlier than the line before");

// Every text above, the ones without a placeholder first: "text missing after the time" must
// not be read as "text missing after %1".
inline constexpr const char *kAll[] = {
    kNothingToAdd, kTextMissingAfterTime, kNotAStamp,        kMissingBracket,    kUnexpectedBracket,
    kNoSpace,      kNoStampNoEvent,       kContinuesUnread,  kNothingAfterStamp, kNextDay,
    kEarlier,      kOffsetTooLarge,       kTextMissingAfter, kTimeDoesNotExist,  kNoSuchDate,
    kHourAmPm,     kNoSuchTime,           kUnknownZone,
};

} // namespace idesk::timelinetext
