#include "core/provenance.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/text.h"

namespace benchgate {
namespace {

// Kept in the record's free-form environment, next to the suite name and the interleaved tag,
// so every store and every reader carries it without a schema change.
constexpr const char* kProvenanceKey = "provenance";

template <typename T>
T field(const nlohmann::json& block, const char* name, const char* type_name) {
  auto it = block.find(name);
  if (it == block.end()) return T{};
  try {
    return it->get<T>();
  } catch (const nlohmann::json::exception&) {
    throw InputError(
        fmt::format("environment.provenance.{} must be {}, not {}", name, type_name, it->dump()));
  }
}

}  // namespace

std::string Provenance::describe(const std::string& record_commit) const {
  std::string out = context.empty() ? "a run" : context;
  if (!branch.empty()) out += fmt::format(" on branch {}", branch);
  if (!built_by.empty() && built_by != record_commit)
    out += fmt::format(" (built by {})", short_commit(built_by));
  return out;
}

std::optional<Provenance> provenance_of(const RunRecord& record) {
  if (!record.environment.is_object()) return std::nullopt;
  auto it = record.environment.find(kProvenanceKey);
  if (it == record.environment.end()) return std::nullopt;
  if (!it->is_object())
    throw InputError(fmt::format("environment.provenance must be an object, not {}", it->dump()));
  Provenance p;
  p.context = field<std::string>(*it, "context", "a string");
  p.branch = field<std::string>(*it, "branch", "a string");
  p.default_branch = field<bool>(*it, "default_branch", "true or false");
  p.explicit_save = field<bool>(*it, "explicit_save", "true or false");
  p.built_by = field<std::string>(*it, "built_by", "a string");
  return p;
}

void set_provenance(RunRecord& record, const Provenance& p) {
  if (!record.environment.is_object()) record.environment = nlohmann::json::object();
  nlohmann::json block = {{"context", p.context},
                          {"branch", p.branch},
                          {"default_branch", p.default_branch},
                          {"built_by", p.built_by}};
  if (p.explicit_save) block["explicit_save"] = true;
  record.environment[kProvenanceKey] = std::move(block);
}

}  // namespace benchgate
