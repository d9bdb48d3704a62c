#include "runner/gbench_entry_text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace benchgate::runner::gbench {
namespace fj = fast_json;

namespace {
// Members of an entry sit inside the top-level object and the `benchmarks` array.
constexpr int kMemberLevel = 3;

// A key as it stands in the text, without escapes, and its slot. Compared eight bytes at a time
// with the closing quote, to as many bytes of the text as it has.
class ExpectedKey {
 public:
  ExpectedKey(std::string_view key, std::optional<Slot> slot) : slot_(slot), size_(key.size()) {
    std::string quoted = std::string(key) + '"';
    quoted.resize((quoted.size() + 7) / 8 * 8, '\0');
    for (std::size_t i = 0; i < quoted.size(); i += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, quoted.data() + i, 8);
      words_.push_back(word);
      const std::size_t bytes = std::min<std::size_t>(8, key.size() + 1 - i);
      masks_.push_back(bytes == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * bytes)) - 1);
    }
  }
  // Whether the key starting at `raw` (just after its opening quote) is this one: the bytes and
  // the closing quote match (this key holds no quote or backslash, so nothing else can).
  bool is_at(const char* raw) const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
      std::uint64_t word;
      std::memcpy(&word, raw + 8 * i, 8);
      if ((word & masks_[i]) != words_[i]) return false;
    }
    return true;
  }
  std::size_t size() const { return size_; }
  std::optional<Slot> slot() const { return slot_; }

 private:
  std::vector<std::uint64_t> words_, masks_;
  std::optional<Slot> slot_;
  std::size_t size_;
};
// Keys are compared in place, reading up to the whole words that cover them: simdjson leaves
// SIMDJSON_PADDING readable bytes after the text, so keys of up to this length can be.
constexpr std::size_t kMaxPlannedKey = simdjson::SIMDJSON_PADDING - 8;
}  // namespace

// Google Benchmark writes the members of every entry in the same order, so the keys of the last
// entry read, position by position, tell most keys apart with one comparison of raw text: no
// lookup by name and no search for a repeated key. A key that differs from the one at its
// position is looked up and checked the full way, and the entry's keys become the order expected
// next. The order only saves work: a key is read the same whichever way it is told apart.
void gather(fj::od::value& object, Entry& e) {
  e.clear();
  thread_local std::vector<ExpectedKey> expected;
  thread_local std::vector<ExpectedKey> this_entry;  // its keys, once it leaves the order
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
  // While every key so far is the expected one at its position, they are all different: the
  // expected order comes from an entry whose keys were checked to be.
  Scalar ignored;  // the value of a field not needed, read only to check it
  bool in_order = true;
  std::size_t position = 0;
  fj::for_each_in(object.get_object(), [&](fj::od::field& field) {
    std::string_view key;
    std::optional<Slot> slot;
    if (in_order && position < expected.size() && expected[position].is_at(field.key().raw())) {
      key = std::string_view(field.key().raw(), expected[position].size());
      slot = expected[position].slot();
    } else {
      if (in_order) {
        in_order = false;
        this_entry.assign(expected.begin(),
                          expected.begin() + static_cast<std::ptrdiff_t>(position));
      }
      key = fj::plain_key(field);
      slot = known_field(key);
      if (slot ? *slot && e.**slot : (once(key), false)) fj::give_up();  // a repeated key
      this_entry.emplace_back(key, slot);
    }
    ++position;
    // Read straight into place: a Scalar returned and then copied costs more than its parse.
    if (slot && *slot) {
      fj::scalar(field.value(), kMemberLevel, (e.**slot).emplace());
      return;
    }
    Scalar& value = slot ? ignored : e.counters.emplace_back(key, Scalar{}).second;
    fj::scalar(field.value(), kMemberLevel, value);
    if (slot) return;
    if (value.kind != Scalar::Kind::integer && value.kind != Scalar::Kind::unsigned_integer &&
        value.kind != Scalar::Kind::floating) {
      e.counters.pop_back();  // not a number: descriptive
      descriptive.push_back(key);
    }
  });
  if (in_order && position == expected.size()) return;
  if (in_order)
    this_entry.assign(expected.begin(), expected.begin() + static_cast<std::ptrdiff_t>(position));
  // Only short keys can be compared in place; an entry with a longer one keeps the old order.
  for (const ExpectedKey& k : this_entry)
    if (k.size() > kMaxPlannedKey) return;
  expected.swap(this_entry);
}

}  // namespace benchgate::runner::gbench
