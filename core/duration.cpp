#include "core/duration.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate {
namespace {

struct Unit {
  std::string_view name;
  double seconds;
};

// Largest first: the parts of a combined form must go down this list ("min" and "m" are one
// unit, so "1min30m" is refused like "1m30m").
constexpr std::array<Unit, 5> kUnits = {{
    {"h", 3600},
    {"min", 60},
    {"m", 60},
    {"s", 1},
    {"ms", 0.001},
}};

// A unit runs up to the next number, so that "5 s" or "5sec" is named whole in the error.
bool is_unit_char(char c) {
  return !std::isdigit(static_cast<unsigned char>(c)) && c != '.';
}

}  // namespace

double parse_duration(std::string_view text, std::string_view flag) {
  const auto fail = [&](std::string_view why) -> InputError {
    return InputError(
        fmt::format("{} '{}': {}; expected a duration: {}", flag, text, why, kDurationForms));
  };
  if (text.empty()) throw fail("empty");
  double total = 0;
  double last_unit = INFINITY;  // units must get smaller from part to part
  std::size_t i = 0;
  bool first = true;
  while (i < text.size()) {
    if (text[i] == '-') throw fail("negative");
    if (text[i] == '+' || std::isspace(static_cast<unsigned char>(text[i])))
      throw fail("not a number");
    double value = 0;
    auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), value,
                                     std::chars_format::fixed);
    if (ec != std::errc() || !std::isfinite(value)) throw fail("not a number");
    i = static_cast<std::size_t>(end - text.data());
    std::size_t unit_end = i;
    while (unit_end < text.size() && is_unit_char(text[unit_end])) ++unit_end;
    const std::string_view unit_name = text.substr(i, unit_end - i);
    i = unit_end;
    if (unit_name.empty()) {
      // A bare number is seconds, but only alone: "1m30" is ambiguous.
      if (!first || i < text.size()) throw fail("every part of a combined duration needs a unit");
      return value;
    }
    const Unit* unit = nullptr;
    for (const Unit& u : kUnits)
      if (u.name == unit_name) unit = &u;
    if (!unit) throw fail(fmt::format("unknown unit '{}'", unit_name));
    if (!(unit->seconds < last_unit)) throw fail("combined units must go from the largest down");
    last_unit = unit->seconds;
    total += value * unit->seconds;
    first = false;
  }
  return total;
}

}  // namespace benchgate
