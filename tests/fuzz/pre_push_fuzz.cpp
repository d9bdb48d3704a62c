// The lines git writes to a pre-push hook's stdin (prepush/pre_push_lines.h). Only InputError may
// escape, and every parsed ref answers its questions.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/errors.h"
#include "prepush/pre_push_lines.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    for (const auto& ref : benchgate::prepush::parse_pre_push_lines(text))
      (void)(ref.deletes() + ref.creates() + ref.changes_nothing() + ref.pushes_branch());
  } catch (const benchgate::InputError&) {
  }
  return 0;
}
