// Property tests of the one Markdown escaping path: random hostile strings (invalid UTF-8,
// controls, newlines, Markdown and HTML syntax, mentions, links) through escape_markdown and
// through every Markdown-producing reporter path.
//
// "Escaped" means, for escape_markdown's output:
//  - valid UTF-8 without control characters, so on one line (clean_text leaves it unchanged);
//  - no '<' or '>' at all, and every '&' starts one of the five entities we write: no HTML;
//  - each of | \ ` * _ ~ [ ] $ is preceded by a backslash that is not itself escaped: no table
//    cell ends, no code span, emphasis, link, image or math starts;
//  - every '@' and '#' is followed by U+200D: no mention, no issue reference;
//  - no "://" and no "www." (any case): no URL autolink.
// escape_markdown_html (for raw-HTML blocks, where Markdown is not rendered) promises the same with
// numeric character references (&#96;) in place of the backslash escapes. For whole documents, the
// hostile render must have the same structure as the render of the same report with plain names:
// the same lines, and on each line the same unescaped table pipes, backticks, brackets and HTML
// tags.
#include "reporters/markdown_escape.h"

#include <algorithm>
#include <cctype>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/clean_text.h"
#include "reporters/reporter.h"
#include "tests/reporters/comparison_fixtures.h"
#include "tests/support/hostile_text.h"

namespace benchgate::report {
namespace {

constexpr std::string_view kZwj = "\u200D";
constexpr std::string_view kMarkdownSpecials = "|\\`*_~[]$";

// Why `out` is not escaped as promised (see the top of the file); "" when it is.
std::string escaping_problem(std::string_view out, bool markdown) {
  if (clean_text(out) != out) return "not clean UTF-8 on one line";
  if (out.find_first_of("<>") != std::string_view::npos) return "raw < or >";
  std::string lower(out);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("://") != std::string::npos || lower.find("www.") != std::string::npos)
    return "autolink";
  for (std::size_t i = 0; i < out.size(); ++i) {
    const char c = out[i];
    if (c == '&') {
      std::size_t length = 0;
      for (std::string_view e : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"})
        if (out.substr(i, e.size()) == e) length = e.size();
      if (!markdown && length == 0 && out.substr(i, 2) == "&#") {
        const std::size_t end = out.find(';', i);
        const std::string_view number = out.substr(i + 2, end - i - 2);
        if (end != std::string_view::npos && !number.empty() &&
            number.find_first_not_of("0123456789") == std::string_view::npos)
          length = end - i + 1;
      }
      if (length == 0) return "bare &";
      i += length - 1;
    } else if (c == '@' || c == '#') {
      if (out.substr(i + 1, kZwj.size()) != kZwj) return std::string("bare ") + c;
    } else if (markdown && c == '\\') {
      if (i + 1 == out.size() || kMarkdownSpecials.find(out[i + 1]) == std::string_view::npos)
        return "backslash escaping nothing special";
      ++i;  // the escaped character
    } else if (kMarkdownSpecials.find(c) != std::string_view::npos) {
      return std::string("unescaped ") + c;
    }
  }
  return "";
}

TEST(MarkdownEscape, HostileStringsComeOutEscaped) {
  for (const auto& text : testing::hostile_strings(5000, 42)) {
    EXPECT_EQ(escaping_problem(escape_markdown(text), true), "") << escape_markdown(text);
    EXPECT_EQ(escaping_problem(escape_markdown_html(text), false), "")
        << escape_markdown_html(text);
    const std::string code = markdown_code(text);
    EXPECT_EQ(escaping_problem(code.substr(6, code.size() - 13), true), "") << code;
  }
}

TEST(MarkdownEscape, LinksMentionsAndHtmlAreNeutralised) {
  EXPECT_EQ(escape_markdown("see https://evil.example"), "see https:\u200D//evil.example");
  EXPECT_EQ(escape_markdown("WWW.evil.example"), "WWW\u200D.evil.example");
  EXPECT_EQ(escape_markdown("[x](y) $x$"), "\\[x\\](y) \\$x\\$");
  EXPECT_EQ(escape_markdown("@team #1"), "@\u200Dteam #\u200D1");
  EXPECT_EQ(escape_markdown("<b>"), "&lt;b&gt;");
  EXPECT_EQ(markdown_code("a`b"), "<code>a\\`b</code>");
}

// Per line: the unescaped structural characters and HTML tags, in order.
std::vector<std::string> skeleton(const std::string& document) {
  std::vector<std::string> lines(1);
  for (std::size_t i = 0; i < document.size(); ++i) {
    const char c = document[i];
    if (c == '\n') {
      lines.emplace_back();
    } else if (c == '\\') {
      ++i;
    } else if (c == '<') {
      const std::size_t end = document.find('>', i);
      lines.back() += document.substr(i, end == std::string::npos ? 1 : end - i + 1);
    } else if (std::string_view("|`[]").find(c) != std::string_view::npos) {
      lines.back() += c;
    } else if ((i == 0 || document[i - 1] == '\n') &&
               std::string_view("#>-+*").find(c) != std::string_view::npos) {
      lines.back() += c;  // a block marker at the start of a line
    }
  }
  return lines;
}

// Every string a pull request can put into a report, from `names` (cycled).
Report report_named(const std::vector<std::string>& names) {
  std::size_t next = 0;
  const auto name = [&] { return names[next++ % names.size()]; };
  Report report{testing::every_verdict()};
  Comparison& c = report.comparison;
  for (auto& row : c.benchmarks) {
    row.name = name();
    row.note = name();
    row.errors = {name()};
  }
  c.base_label = name();
  c.head_label = name();
  c.method = name();
  c.false_alarms = name();
  c.warnings = {name(), name()};
  c.settings.metric = name();
  ProfileFinding found;
  found.benchmark = name();
  found.metric = name();
  found.ratio = 1.2;
  found.svg_file = name();
  found.head.event = name();
  FunctionDeltas deltas;
  deltas.base = {name(), "perf-script", name(), "samples", 10};
  deltas.head = {name(), "perf-script", name(), "samples", 20};
  for (int i = 0; i < 3; ++i) {
    FunctionDelta d;
    d.name = name();
    d.delta_points = 1;
    deltas.top.push_back(d);
  }
  found.deltas = deltas;
  report.profiles.push_back(found);
  for (HeadOnlyReason reason : {HeadOnlyReason::kNoStoredBase, HeadOnlyReason::kIncomparable}) {
    ProfileFinding alone;
    alone.benchmark = name();
    alone.head_only = reason;
    alone.head_only_detail = name();
    alone.testbed = name();
    alone.svg_file = name();
    alone.head.event = name();
    report.profiles.push_back(alone);
  }
  report.profile_notes = {name(), name()};
  return report;
}

TEST(MarkdownEscape, HostileNamesDoNotChangeTheStructureOfTheComment) {
  const auto markdown = make_reporter("markdown");
  const std::string plain = markdown->render(report_named({"plain"}));
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    const std::string hostile = markdown->render(report_named(testing::hostile_strings(40, seed)));
    const auto want = skeleton(plain), got = skeleton(hostile);
    ASSERT_EQ(got.size(), want.size()) << hostile;
    for (std::size_t line = 0; line < want.size(); ++line)
      EXPECT_EQ(got[line], want[line]) << "line " << line << " of\n" << hostile;
    EXPECT_THAT(hostile, ::testing::Not(::testing::HasSubstr("://")));
    std::string one_line = hostile;
    std::replace(one_line.begin(), one_line.end(), '\n', ' ');
    EXPECT_EQ(clean_text(one_line), one_line) << "controls or invalid UTF-8 in the comment";
  }
}

}  // namespace
}  // namespace benchgate::report
