#include "prepush/pre_push_lines.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/text_lines.h"
#include "git/revision.h"

namespace benchgate::prepush {
namespace {

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (start <= line.size()) {
    std::size_t space = line.find(' ', start);
    if (space == std::string_view::npos) space = line.size();
    fields.push_back(line.substr(start, space - start));
    start = space + 1;
  }
  return fields;
}

// Quoted in error messages; a runaway line is cut so the message stays readable.
std::string quote(std::string_view line) {
  constexpr std::size_t kMaxShown = 200;
  if (line.size() <= kMaxShown) return fmt::format("\"{}\"", line);
  return fmt::format("\"{}...\" ({} characters)", line.substr(0, kMaxShown), line.size());
}

PushedRef parse_line(std::string_view line, int number) {
  auto fields = split_fields(line);
  if (fields.size() != 4)
    throw InputError(fmt::format(
        "stdin line {}: expected \"<local ref> <local sha> <remote ref> <remote sha>\" (4 fields "
        "separated by single spaces, as git writes to a pre-push hook), got {} field(s): {}",
        number, fields.size(), quote(line)));
  for (std::size_t i : {1u, 3u}) {
    if (!git::is_full_hex_oid(fields[i]))
      throw InputError(fmt::format("stdin line {}: {} sha \"{}\" is not 40 hex digits: {}", number,
                                   i == 1 ? "local" : "remote", fields[i], quote(line)));
  }
  for (std::size_t i : {0u, 2u}) {
    if (fields[i].empty())
      throw InputError(fmt::format("stdin line {}: empty {} ref: {}", number,
                                   i == 0 ? "local" : "remote", quote(line)));
  }
  return PushedRef{std::string(fields[0]), std::string(fields[1]), std::string(fields[2]),
                   std::string(fields[3]), number};
}

}  // namespace

bool is_zero_sha(std::string_view sha) {
  return !sha.empty() && sha.find_first_not_of('0') == std::string_view::npos;
}

bool PushedRef::deletes() const {
  return is_zero_sha(local_sha);
}
bool PushedRef::creates() const {
  return is_zero_sha(remote_sha);
}
bool PushedRef::changes_nothing() const {
  return local_sha == remote_sha;
}
bool PushedRef::pushes_branch() const {
  return remote_ref.starts_with("refs/heads/");
}

std::vector<PushedRef> parse_pre_push_lines(std::string_view text) {
  std::vector<PushedRef> refs;
  int number = 0;
  for (std::string_view line : physical_lines(text)) {
    ++number;
    if (line.empty()) continue;  // a trailing blank line is not a ref
    refs.push_back(parse_line(line, number));
  }
  return refs;
}

}  // namespace benchgate::prepush
