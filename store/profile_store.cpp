#include "store/profile_store.h"

#include <ctime>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/json_input.h"
#include "core/text_lines.h"
#include "store/base64.h"
#include "store/git_notes_store.h"
#include "store/store_factory.h"

namespace benchgate::store {
namespace {

constexpr std::string_view kProfileSchema = "benchgate.profile/1";

bool same_key(const StoredProfile& p, const std::string& testbed, const std::string& suite,
              const std::string& benchmark) {
  return p.testbed == testbed && p.suite == suite && p.benchmark == benchmark;
}

}  // namespace

std::string profile_to_line(const StoredProfile& p) {
  // nlohmann writes keys sorted: the same profile always becomes the same line, and exact
  // duplicates collapse in the line merge.
  return nlohmann::json{{"schema", kProfileSchema},   {"testbed", p.testbed},
                        {"suite", p.suite},           {"benchmark", p.benchmark},
                        {"encoding", p.encoding},     {"size", p.size},
                        {"created_at", p.created_at}, {"data", base64_encode(p.data)}}
      .dump();
}

StoredProfile profile_from_line(std::string_view line, const std::string& where) {
  namespace jf = json_field;
  const nlohmann::json doc = parse_json_text(line, where);
  jf::object(doc, where);
  const std::string schema = jf::string(jf::member(doc, "schema", where), where + ".schema");
  if (schema != kProfileSchema)
    throw InputError(fmt::format("{}: schema \"{}\" is not {} (written by a newer benchgate?)",
                                 where, schema, kProfileSchema));
  StoredProfile p;
  const auto text = [&](const char* key) {
    return jf::string(jf::member(doc, key, where), fmt::format("{}.{}", where, key));
  };
  p.testbed = text("testbed");
  p.suite = text("suite");
  p.benchmark = text("benchmark");
  p.encoding = text("encoding");
  p.created_at = text("created_at");
  const long long size = jf::integer(jf::member(doc, "size", where), where + ".size");
  if (size < 0) throw InputError(fmt::format("{}.size: is negative", where));
  p.size = static_cast<std::uint64_t>(size);
  auto data = base64_decode(text("data"));
  if (!data) throw InputError(fmt::format("{}.data: is not base64", where));
  p.data = std::move(*data);
  return p;
}

ProfileStore::ProfileStore(std::unique_ptr<Store> lines) : lines_(std::move(lines)) {}

void ProfileStore::save(const std::string& commit, const std::vector<StoredProfile>& profiles) {
  const std::string now = fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
  std::vector<std::string> lines;
  for (StoredProfile p : profiles) {
    if (p.testbed.empty() || p.suite.empty() || p.benchmark.empty())
      throw InputError(fmt::format(
          "profile of \"{}\" (suite \"{}\", testbed \"{}\"): testbed, suite and benchmark are "
          "all required; nothing was saved",
          p.benchmark, p.suite, p.testbed));
    if (p.created_at.empty()) p.created_at = now;
    lines.push_back(profile_to_line(p));
  }
  lines_->save_lines(commit, lines);
}

ProfileEntries ProfileStore::load_all(const std::string& commit) const {
  ProfileEntries out;
  const std::optional<std::string> text = lines_->read_text(commit);
  if (!text) return out;
  out.found = true;
  parse_entry_lines(*text, commit, "profile", out.profiles, out.problems,
                    [](std::string_view line, const std::string& where) {
                      return profile_from_line(line, where);
                    });
  return out;
}

std::optional<StoredProfile> ProfileStore::load(const std::string& commit,
                                                const std::string& testbed,
                                                const std::string& suite,
                                                const std::string& benchmark) const {
  ProfileEntries entries = load_all(commit);
  return newest_entry(entries.profiles, [&](const StoredProfile& p) {
    return same_key(p, testbed, suite, benchmark);
  });
}

std::string profile_store_spec(const std::string& baseline_spec) {
  return parse_store_spec(baseline_spec).profiles().text;
}

std::unique_ptr<ProfileStore> open_profile_store(const StoreSpec& baseline_spec,
                                                 const std::filesystem::path& repo) {
  return std::make_unique<ProfileStore>(open_store(baseline_spec.profiles(), repo));
}

std::unique_ptr<ProfileStore> open_profile_store(const std::string& baseline_spec,
                                                 const std::filesystem::path& repo) {
  return open_profile_store(parse_store_spec(baseline_spec), repo);
}

}  // namespace benchgate::store
