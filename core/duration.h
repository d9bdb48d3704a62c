#pragma once
// Durations on the command line: one syntax for every flag that takes a time (`--budget` of the
// gate, `ab`, `pre-push` and `hook install`, `--timeout` of `run` and `ab`), so that what one
// command accepts the others accept too (docs/usage.md#durations).
#include <string_view>

namespace benchgate {

// The forms, for help texts and error messages.
inline constexpr std::string_view kDurationForms =
    "plain seconds (90, 1.5) or a number with a unit ms, s, m, min or h (500ms, 90s, 1.5m, 1h), "
    "units combined from the largest down (1h30m, 2m30s)";

// Seconds (>= 0) of `text`. InputError naming `flag` and the accepted forms for anything else:
// no number, an unknown unit, a negative value, a bare number after a unit ("1m30"), units out
// of order or repeated ("30s1m").
double parse_duration(std::string_view text, std::string_view flag);

}  // namespace benchgate
