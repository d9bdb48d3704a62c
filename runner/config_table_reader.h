#pragma once
// Reading one table of benchgate.toml with every key checked (runner/config.cpp): internal to
// runner/, in its own file so that the schema in config.cpp stays readable.
#include <cmath>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/errors.h"

namespace benchgate::runner {

// Validates one TOML table: each key must be known, each value of the right type; every error
// names the file and line. `context` names the table for messages ("[gate]", "[[suite]] #2").
class TableReader {
 public:
  TableReader(const toml::table& table, std::string source, std::string context)
      : table_(table), source_(std::move(source)), context_(std::move(context)) {}

  // Call once every known key was read: anything left is a typo or a key from the future.
  void reject_unknown_keys() const {
    for (auto&& [key, node] : table_) {
      if (seen_.count(std::string(key.str()))) continue;
      std::vector<std::string> known(seen_known_.begin(), seen_known_.end());
      throw InputError(fmt::format("{}:{}: unknown key `{}` in {} (known keys: {})", source_,
                                   line_of(key, node), key.str(), context_,
                                   fmt::join(known, ", ")));
    }
  }

  const toml::node* get(std::string_view key) {
    seen_known_.insert(std::string(key));
    if (auto* node = table_.get(key)) {
      seen_.insert(std::string(key));
      return node;
    }
    return nullptr;
  }

  std::optional<std::string> string(std::string_view key) {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    if (!node->is_string()) type_error(key, *node, "a string");
    return std::string(node->as_string()->get());
  }

  std::optional<bool> boolean(std::string_view key) {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    if (!node->is_boolean()) type_error(key, *node, "true or false");
    return node->as_boolean()->get();
  }

  std::optional<long long> integer(std::string_view key, long long min, long long max) {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    if (!node->is_integer()) type_error(key, *node, "an integer");
    long long v = node->as_integer()->get();
    if (v < min || v > max)
      fail(*node, fmt::format("`{}` is {}, expected {}..{}", key, v, min, max));
    return v;
  }

  std::optional<double> number(std::string_view key, double min, double max,
                               std::string_view hint = {}) {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    if (!node->is_number()) type_error(key, *node, "a number");
    double v = *node->value<double>();
    if (!std::isfinite(v) || v < min || v > max)
      fail(*node, fmt::format("`{}` is {}, expected {} to {}{}", key, v, min, max, hint));
    return v;
  }

  std::vector<std::string> string_list(std::string_view key) {
    const toml::node* node = get(key);
    if (!node) return {};
    if (!node->is_array()) type_error(key, *node, "an array of strings");
    std::vector<std::string> out;
    for (const auto& item : *node->as_array()) {
      if (!item.is_string()) type_error(key, item, "an array of strings");
      out.emplace_back(item.as_string()->get());
    }
    return out;
  }

  // The tables of an array of tables (`[[suite]]`), or a type error.
  std::vector<const toml::table*> tables(std::string_view key) {
    const toml::node* node = get(key);
    if (!node) return {};
    if (!node->is_array_of_tables()) type_error(key, *node, "an array of tables ([[...]])");
    std::vector<const toml::table*> out;
    for (const auto& item : *node->as_array()) out.push_back(item.as_table());
    return out;
  }

  const toml::table* table(std::string_view key) {
    const toml::node* node = get(key);
    if (!node) return nullptr;
    if (!node->is_table()) type_error(key, *node, "a table");
    return node->as_table();
  }

  [[noreturn]] void fail(const toml::node& node, const std::string& what) const {
    throw InputError(
        fmt::format("{}:{}: {}: {}", source_, node.source().begin.line, context_, what));
  }
  [[noreturn]] void fail_at_table(const std::string& what) const {
    throw InputError(
        fmt::format("{}:{}: {}: {}", source_, table_.source().begin.line, context_, what));
  }
  const std::string& source() const { return source_; }

 private:
  [[noreturn]] void type_error(std::string_view key, const toml::node& node,
                               std::string_view expected) const {
    std::ostringstream type;
    type << node.type();
    fail(node, fmt::format("`{}` must be {}, not a {}", key, expected, type.str()));
  }
  static unsigned line_of(const toml::key& key, const toml::node& node) {
    unsigned line = key.source().begin.line;
    return line ? line : node.source().begin.line;
  }

  const toml::table& table_;
  std::string source_, context_;
  std::set<std::string> seen_;
  std::set<std::string> seen_known_;
};

}  // namespace benchgate::runner
