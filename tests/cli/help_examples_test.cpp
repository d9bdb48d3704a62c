// Every subcommand's --help, found by walking the real binary's help from `benchgate --help`
// down (so a subcommand added later is checked without touching this test), ends with an
// "Examples:" section of invocations of that subcommand, and each example only uses options the
// subcommand's help lists, gives its required options and positionals, and nothing holds a tab
// (help2man turns these pages into the man page).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/process.h"

namespace benchgate {
namespace {
using testing::run_benchgate;

using Path = std::vector<std::string>;  // subcommand words after "benchgate"

std::string joined(const Path& path) {
  std::string out = "benchgate";
  for (const auto& word : path) out += " " + word;
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The indented lines under `header` (a line of its own at column 0), up to the next blank or
// unindented line.
std::vector<std::string> section(const std::string& help, const std::string& header) {
  std::vector<std::string> out;
  bool inside = false;
  for (const auto& line : lines_of(help)) {
    if (line == header) {
      inside = true;
      continue;
    }
    if (!inside) continue;
    if (line.empty() || line[0] != ' ') break;
    out.push_back(line);
  }
  return out;
}

// What one --help says about its command.
struct Help {
  std::string text;
  std::vector<std::string> subcommands;
  std::set<std::string> options;             // every name: "-o", "--output", ...
  std::set<std::string> options_with_value;  // those followed by a type (TEXT, INT, ...)
  std::set<std::string> required_options;    // "--base" of `baseline find`, ...
  std::size_t required_positionals = 0;
  std::vector<std::string> examples;  // the example invocations, unindented
};

Help read_help(const Path& path) {
  Path args = path;
  args.push_back("--help");
  testing::ProcessResult r = run_benchgate(args);
  EXPECT_EQ(r.exit_code, 0) << joined(path) << " --help: " << r.err;
  Help h;
  h.text = r.out;
  for (const auto& line : section(h.text, "Subcommands:"))
    if (line.size() > 2 && line[2] != ' ')
      h.subcommands.push_back(line.substr(2, line.find(' ', 2) - 2));
  for (const auto& line : section(h.text, "Options:")) {
    if (line.rfind("  -", 0) != 0) continue;  // a wrapped description
    std::istringstream words(line);
    std::string names, type;
    words >> names >> type;
    const bool takes_value = !type.empty() && std::isupper(static_cast<unsigned char>(type[0])) &&
                             type.rfind("Excludes", 0) != 0 && type.rfind("Needs", 0) != 0;
    std::istringstream split(names);
    for (std::string name; std::getline(split, name, ',');) {
      h.options.insert(name);
      if (takes_value) h.options_with_value.insert(name);
      if (line.find(" REQUIRED") != std::string::npos && name.rfind("--", 0) == 0)
        h.required_options.insert(name);
    }
  }
  for (const auto& line : section(h.text, "Positionals:"))
    if (line.find(" REQUIRED") != std::string::npos) ++h.required_positionals;
  for (const auto& line : section(h.text, "Examples:"))
    if (line.rfind("  benchgate", 0) == 0) h.examples.push_back(line.substr(2));
  return h;
}

// Every command's help, by path, from the top down.
void walk(const Path& path, std::map<Path, Help>& tree) {
  Help help = read_help(path);
  std::vector<std::string> subcommands = help.subcommands;
  tree.emplace(path, std::move(help));
  for (const auto& sub : subcommands) {
    Path child = path;
    child.push_back(sub);
    walk(child, tree);
  }
}

const std::map<Path, Help>& command_tree() {
  static const std::map<Path, Help> tree = [] {
    std::map<Path, Help> t;
    walk({}, t);
    return t;
  }();
  return tree;
}

// An example's words as a shell would split them (single and double quotes).
std::vector<std::string> shell_words(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (char c : line) {
    if (quote) {
      if (c == quote)
        quote = 0;
      else
        word += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

TEST(HelpExamples, TheWalkFindsTheNestedSubcommands) {
  // Guards the walk itself: were the "Subcommands:" parsing broken, the checks below would pass
  // on the top-level help alone.
  const auto& tree = command_tree();
  EXPECT_GT(tree.size(), 20u);
  EXPECT_TRUE(tree.count({"baseline", "find"}));
  EXPECT_TRUE(tree.count({"flamegraph", "diff"}));
  EXPECT_TRUE(tree.count({"gate", "publish"}));
  EXPECT_TRUE(tree.count({"hook", "install"}));
  EXPECT_TRUE(tree.at({"baseline", "find"}).required_options.count("--base"));
  EXPECT_EQ(tree.at({"flamegraph", "diff"}).required_positionals, 2u);
}

TEST(HelpExamples, EverySubcommandShowsAnExampleOfItself) {
  for (const auto& [path, help] : command_tree()) {
    if (path.empty()) continue;  // the top level lists the commands; each has its own examples
    const std::string prefix = joined(path);
    bool found = false;
    for (const auto& example : help.examples)
      found = found || example == prefix || example.rfind(prefix + " ", 0) == 0;
    EXPECT_TRUE(found) << prefix << " --help has no example line starting with '" << prefix
                       << "' under Examples:\n"
                       << help.text;
  }
}

TEST(HelpExamples, ExamplesUseOnlyTheirSubcommandsOptionsAndGiveTheRequiredOnes) {
  const auto& tree = command_tree();
  for (const auto& [owner, owner_help] : tree) {
    for (const auto& example : owner_help.examples) {
      const std::vector<std::string> words = shell_words(example);
      ASSERT_FALSE(words.empty());
      // The subcommand the example runs: the longest run of subcommand names after benchgate.
      Path path;
      std::size_t i = 1;
      for (; i < words.size(); ++i) {
        const auto& subs = tree.at(path).subcommands;
        if (std::find(subs.begin(), subs.end(), words[i]) == subs.end()) break;
        path.push_back(words[i]);
      }
      const Help& help = tree.at(path);
      const std::string where = joined(owner) + " --help, example: " + example;
      EXPECT_FALSE(path.empty()) << where;
      // A command that needs a subcommand says so in its usage line ("... SUBCOMMAND").
      EXPECT_THAT(help.text, ::testing::Not(::testing::HasSubstr("] SUBCOMMAND\n")))
          << where << ": " << joined(path) << " needs a subcommand";
      std::set<std::string> given;
      std::size_t positionals = 0;
      for (; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (word == "--") {  // the benchmark command: its words are not benchgate's
          positionals += i + 1 < words.size() ? 1 : 0;
          break;
        }
        if (word.size() < 2 || word[0] != '-') {
          ++positionals;
          continue;
        }
        const std::string name = word.substr(0, word.find('='));
        EXPECT_TRUE(help.options.count(name))
            << where << ": " << name << " is not an option of " << joined(path);
        given.insert(name);
        if (help.options_with_value.count(name) && name == word) ++i;  // its value
      }
      for (const auto& required : help.required_options)
        EXPECT_TRUE(given.count(required)) << where << ": misses the required " << required;
      EXPECT_GE(positionals, help.required_positionals) << where << ": too few positionals";
    }
  }
}

TEST(HelpExamples, HelpHasNoTabsAndOneFormOfSectionHeaders) {
  for (const auto& [path, help] : command_tree()) {
    EXPECT_EQ(help.text.find('\t'), std::string::npos) << joined(path) << " --help holds a tab";
    // Sections closing a help page are a header of their own at column 0, as help2man reads them;
    // an "Examples:" inside a description would land in the parent's command list.
    for (const auto& line : lines_of(help.text)) {
      if (line.find("Examples:") != std::string::npos) {
        EXPECT_EQ(line, "Examples:") << joined(path);
      }
      if (!path.empty() && line.find("Exit codes:") != std::string::npos) {
        EXPECT_EQ(line, "Exit codes:") << joined(path);
      }
    }
  }
}

}  // namespace
}  // namespace benchgate
