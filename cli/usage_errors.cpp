#include "cli/usage_errors.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "core/nearest_word.h"

namespace benchgate::cli {
namespace {

// The word that is wrong and the (sub)command it was given to.
struct Finding {
  const CLI::App* app = nullptr;
  std::string problem;  // "unknown option --treshold (did you mean --threshold?)"
  std::string see;      // what its --help lists: "options", "commands", "subcommands"
};

// "gate", "baseline save"; empty for benchgate itself.
std::string subcommand_path(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* a = &app; a->get_parent(); a = a->get_parent())
    names.push_back(a->get_name());
  std::reverse(names.begin(), names.end());
  return fmt::format("{}", fmt::join(names, " "));
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& known) {
  const std::optional<std::string> near = nearest_word(word, known);
  return near ? fmt::format(" (did you mean {}?)", *near) : std::string();
}

std::vector<const CLI::App*> subcommands_of(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

const CLI::App* subcommand_named(const CLI::App& app, const std::string& word) {
  for (const CLI::App* sub : subcommands_of(app))
    if (sub->check_name(word)) return sub;
  return nullptr;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : subcommands_of(app)) names.push_back(sub->get_name());
  return names;
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    for (const std::string& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

const CLI::Option* option_named(const CLI::App& app, const std::string& name, bool long_name) {
  for (const CLI::Option* option : app.get_options())
    if (long_name ? option->check_lname(name) : option->check_sname(name)) return option;
  return nullptr;
}

bool takes_positionals(const CLI::App& app) {
  return !app.get_options([](const CLI::Option* o) { return o->get_positional(); }).empty();
}

// As CLI11 tells options from values: a dash and then no digit ("-5%" is a value).
bool looks_like_option(const std::string& word) {
  return word.size() > 1 && word[0] == '-' && word != "--" &&
         !std::isdigit(static_cast<unsigned char>(word[1])) && word[1] != '.';
}

// How many of the following words CLI11 hands to `option` (App::_parse_arg): none for a flag,
// its minimum whatever they look like, then more up to its maximum while they are not options.
// A vector option takes one value per occurrence unless it allows extra arguments.
std::size_t skip_values(const CLI::Option& option, const std::vector<std::string>& args,
                        std::size_t i) {
  int most = option.get_items_expected_max();
  const bool unbounded = option.get_allow_extra_args();
  if (most >= CLI::detail::expected_max_vector_size / 16 && !unbounded)
    most = option.get_type_size_max();
  const int least = std::min(option.get_type_size_min(), option.get_items_expected_min());
  int taken = 0;
  for (; taken < least && i + 1 < args.size(); ++taken) ++i;
  for (; (taken < most || unbounded) && i + 1 < args.size() && !looks_like_option(args[i + 1]) &&
         args[i + 1] != "--";
       ++taken)
    ++i;
  return i;
}

// The first word of `args` that `root` and its subcommands do not know, if there is one; `reached`
// is the deepest subcommand the words named.
std::optional<Finding> find_wrong_word(const CLI::App& root, const std::vector<std::string>& args,
                                       const CLI::App*& reached) {
  const CLI::App* app = &root;
  reached = app;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word == "--") break;  // what follows is a benchmark command's own arguments
    if (looks_like_option(word)) {
      const bool long_name = word[1] == '-';
      // --name=value, --name; -x, -xVALUE and bundled flags -qx.
      std::string rest = long_name ? "" : word.substr(1);
      std::string name = long_name ? word.substr(2, word.find('=') - 2) : rest.substr(0, 1);
      bool inline_value = long_name && word.find('=') != std::string::npos;
      const CLI::Option* option = nullptr;
      while (true) {
        option = option_named(*app, name, long_name);
        if (!option) {
          // A word that fails at its first letter is shown whole: -threshold, not -t.
          const std::string shown = long_name ? word.substr(0, word.find('='))
                                    : rest.size() + 1 == word.size() ? word
                                                                     : "-" + name;
          return Finding{
              app,
              fmt::format("unknown option {}{}", shown, did_you_mean(shown, option_names(*app))),
              "options"};
        }
        if (long_name) break;
        rest.erase(0, 1);
        inline_value = !rest.empty();
        if (rest.empty() || option->get_items_expected_max() != 0) break;
        name = rest.substr(0, 1);  // the next flag of a bundle
      }
      if (!inline_value && option->get_items_expected_max() != 0) i = skip_values(*option, args, i);
      continue;
    }
    if (const CLI::App* sub = subcommand_named(*app, word)) {
      reached = app = sub;
      continue;
    }
    if (takes_positionals(*app)) continue;
    if (!subcommands_of(*app).empty())
      return Finding{app,
                     fmt::format("unknown {} {}{}", app->get_parent() ? "subcommand" : "command",
                                 word, did_you_mean(word, subcommand_names(*app))),
                     app->get_parent() ? "subcommands" : "commands"};
    return Finding{app, fmt::format("unexpected argument {}: it takes options only", word),
                   "options"};
  }
  // Every word was known: a missing subcommand is the remaining mistake CLI11 words poorly.
  if (app->get_require_subcommand_min() > 0)
    return Finding{
        app,
        fmt::format("no {} given: one of {}", app->get_parent() ? "subcommand" : "command",
                    fmt::join(subcommand_names(*app), ", ")),
        app->get_parent() ? "subcommands" : "commands"};
  return std::nullopt;
}

}  // namespace

std::string explain_parse_error(const CLI::App& root, const std::vector<std::string>& args,
                                const CLI::ParseError& error) {
  const CLI::App* reached = &root;
  std::optional<Finding> finding = find_wrong_word(root, args, reached);
  // Nothing unknown on the line: CLI11's own words (a missing or malformed value) are right,
  // only said for the subcommand that was being parsed.
  if (!finding) finding = Finding{reached, error.what(), "options"};
  const std::string path = subcommand_path(*finding->app);
  const std::string command = path.empty() ? root.get_name() : root.get_name() + " " + path;
  return fmt::format("{}: error: {}{}\nRun '{} --help' for its {}.\n", root.get_name(),
                     path.empty() ? "" : path + ": ", finding->problem, command, finding->see);
}

}  // namespace benchgate::cli
