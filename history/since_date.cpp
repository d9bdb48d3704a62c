#include "history/since_date.h"

#include <chrono>
#include <optional>
#include <regex>

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate::history {
namespace {

long long seconds_per(const std::string& unit) {
  if (unit.rfind("second", 0) == 0) return 1;
  if (unit.rfind("minute", 0) == 0) return 60;
  if (unit.rfind("hour", 0) == 0) return 3600;
  if (unit.rfind("day", 0) == 0) return 86400;
  return 7 * 86400;  // weeks: the pattern admits nothing else
}

// Seconds since the epoch of a UTC civil time, or nothing when the date does not exist.
std::optional<long long> utc_seconds(int y, unsigned m, unsigned d, int hh, int mm, int ss) {
  using namespace std::chrono;
  const year_month_day date{year{y}, month{m}, day{d}};
  if (!date.ok() || hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  return sys_days{date}.time_since_epoch().count() * 86400LL + hh * 3600LL + mm * 60LL + ss;
}

}  // namespace

long long parse_since(const std::string& text, long long now) {
  static const std::regex relative(
      R"(\s*(\d{1,6})\s+(seconds?|minutes?|hours?|days?|weeks?)\s+ago\s*)");
  static const std::regex iso(R"((\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z)?)");
  std::smatch m;
  if (std::regex_match(text, m, relative))
    return now - std::stoll(m[1].str()) * seconds_per(m[2].str());
  if (std::regex_match(text, m, iso)) {
    auto number = [&](int i) { return m[i].matched ? std::stoi(m[i].str()) : 0; };
    if (auto seconds =
            utc_seconds(number(1), static_cast<unsigned>(number(2)),
                        static_cast<unsigned>(number(3)), number(4), number(5), number(6)))
      return *seconds;
  }
  throw InputError(fmt::format(
      "--since \"{}\": not a date; give YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ (UTC) or \"N days ago\" "
      "(seconds, minutes, hours, days, weeks)",
      text));
}

}  // namespace benchgate::history
