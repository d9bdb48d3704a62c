#include "runner/gbench_entry_text.h"

#include <string_view>
#include <vector>

namespace benchgate::runner::gbench {
namespace fj = fast_json;

namespace {
// Members of an entry sit inside the top-level object and the `benchmarks` array.
constexpr int kMemberLevel = 3;
}  // namespace

void gather(fj::od::value object, Entry& e) {
  e.clear();
  // The other members' keys: `"x": 1, "x": "a"` is no counter for the document reader, which
  // keeps the last value. Kept from entry to entry (most entries have none).
  thread_local std::vector<std::string_view> descriptive;
  descriptive.clear();
  const auto once = [&](std::string_view key) {
    for (const auto& counter : e.counters)
      if (counter.first == key) fj::give_up();
    for (const std::string_view other : descriptive)
      if (other == key) fj::give_up();
  };
  for (fj::od::field field : object.get_object()) {
    const std::string_view key = fj::plain_key(field);
    const Scalar value = fj::scalar(field.value(), kMemberLevel);
    if (const std::optional<Slot> slot = known_field(key)) {
      if (!*slot) continue;
      if (e.**slot) fj::give_up();  // a repeated key
      e.** slot = value;
    } else {
      once(key);
      if (value.kind == Scalar::Kind::integer || value.kind == Scalar::Kind::unsigned_integer ||
          value.kind == Scalar::Kind::floating)
        e.counters.emplace_back(key, value);
      else
        descriptive.push_back(key);
    }
  }
}

}  // namespace benchgate::runner::gbench
