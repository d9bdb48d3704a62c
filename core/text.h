#pragma once
// Small text conventions every module shares, written once.
#include <string>
#include <string_view>

namespace benchgate {

// How messages and reports name a commit: its first `digits` hex digits. 12 is unambiguous in
// any repository of realistic size (the gate's messages and reports); git itself abbreviates to 7
// (the pre-push hook's messages, next to git's own output).
std::string short_commit(std::string_view sha, std::size_t digits = 12);

// A duration for progress lines: "4.2s" under a minute, else "3m07s".
std::string seconds_text(double seconds);

// Appends `c` to `out` as an XML/HTML character entity when it is one of & < > " ' and returns
// true; returns false (appending nothing) for any other character.
bool append_markup_entity(std::string& out, char c);

// The one XML escaper (SVG, JUnit, any HTML): `untrusted` made valid UTF-8 of XML 1.0 characters
// by clean_text (core/clean_text.h), then the five special characters as entities. The result is
// safe as element text and as a quoted attribute value.
std::string escape_xml(std::string_view untrusted);

}  // namespace benchgate
