#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "reporters/reporter.h"
#include "tests/reporters/comparison_fixtures.h"

namespace benchgate::report {
namespace {
using testing::every_verdict;
using ::testing::HasSubstr;
using testing::lines_of;
using testing::make_row;
using ::testing::Not;
using testing::single_run_comparison;
using ::testing::StartsWith;

constexpr std::size_t kTableColumns = 7;
const std::string kZwj = "\u200D";

std::string render(const Comparison& c) {
  return make_reporter("markdown")->render(c);
}

// Cell separators of a GFM table line: '|' not escaped by an odd run of backslashes.
std::size_t unescaped_pipes(const std::string& line) {
  std::size_t pipes = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '|') continue;
    std::size_t backslashes = 0;
    while (backslashes < i && line[i - 1 - backslashes] == '\\') ++backslashes;
    pipes += backslashes % 2 == 0;
  }
  return pipes;
}

// The rendered body with one row named `name` (a regression, so it lands in the visible table).
std::string render_name(const std::string& name) {
  Comparison c;
  c.benchmarks = {make_row(name, Verdict::kRegression, 1.2)};
  return render(c);
}

// The table line of the only row.
std::string only_row(const std::string& body) {
  for (const auto& line : lines_of(body))
    if (line.starts_with("| ") && !line.starts_with("| Benchmark")) return line;
  return "(no row)";
}

TEST(MarkdownReporter, SummaryLineFirstWithAPlainVerdictWord) {
  const auto lines = lines_of(render(every_verdict()));
  EXPECT_EQ(lines[0],
            "**benchgate: FAIL** — 1 regression, 1 improvement, 2 unchanged, 1 inconclusive, "
            "1 untested, 1 new, 1 missing");
  EXPECT_EQ(lines_of(render(Comparison{}))[0],
            "**benchgate: NOTHING COMPARED** — no benchmarks compared");
}

TEST(MarkdownReporter, ChangesTableThenAttentionThenTheRestFolded) {
  const std::string body = render(every_verdict());
  // Positions of what must appear, in this order ('_' is escaped in names).
  std::vector<std::size_t> positions;
  for (std::string needle :
       {"### Regressions and improvements (2)", "BM\\_Sort/1024", "BM\\_Hash/64",
        "### Warnings and inconclusive (3)", "BM\\_StringBuild", "BM\\_Gone", "BM\\_Once",
        "<details>\n<summary>Unchanged and new (3)</summary>\n\n| Benchmark", "BM\\_Unchanged/8",
        "BM\\_New", "BM\\_Unchanged/64", "</details>"}) {
    positions.push_back(body.find(needle));
    ASSERT_NE(positions.back(), std::string::npos) << needle;
  }
  EXPECT_TRUE(std::is_sorted(positions.begin(), positions.end())) << body;
}

TEST(MarkdownReporter, RowHasNameMediansChangeIntervalPAndVerdict) {
  const std::string body = render(every_verdict());
  EXPECT_THAT(body, HasSubstr("| BM\\_Sort/1024 | 1.23 µs | 1.48 µs | +20.0% [+15.0%, +26.0%] | "
                              "0.002 | regression |  |\n"));
  EXPECT_THAT(body,
              HasSubstr("| BM\\_StringBuild | 1.00 µs | 1.04 µs | +4.0% [-2.0%, +11.0%] | 0.900 "
                        "| inconclusive | the interval straddles the threshold; about 14 "
                        "processes per side would catch a true change of 5.0% with 80% power |\n"));
  EXPECT_THAT(body,
              HasSubstr("| BM\\_Gone | 1.00 µs | — | n/a | — | missing | error: head: benchmark "
                        "crashed |\n"));
}

TEST(MarkdownReporter, EveryTableLineHasTheSameColumns) {
  for (const auto& line : lines_of(render(every_verdict())))
    if (line.starts_with("|")) {
      EXPECT_EQ(unescaped_pipes(line), kTableColumns + 1) << line;
    }
}

TEST(MarkdownReporter, SingleRunNoteIsVisibleAndWarningsListed) {
  const std::string body = render(single_run_comparison());
  EXPECT_THAT(body, HasSubstr("\n> **Note:** regressions unconfirmed: one process per side, "
                              "between-run drift not measured; rerun with more processes or use "
                              "`--trust-single-run`\n"));
  EXPECT_THAT(body, HasSubstr("\n> **Warning:** one process per side: between-run drift is not "
                              "measured\n"));
  // Every row is single-run: the note says so once instead of a marker on every row.
  EXPECT_THAT(body, HasSubstr("| regression (unconfirmed) |  |"));
  EXPECT_THAT(body, Not(HasSubstr("| single-run |")));
  EXPECT_THAT(body, StartsWith("**benchgate: PASS** — 1 regression (1 unconfirmed)"));
  // The note is outside <details>: visible without a click.
  EXPECT_LT(body.find("> **Note:**"), body.find("<details>"));
  EXPECT_THAT(render(every_verdict()), Not(HasSubstr("**Note:**")));
}

TEST(MarkdownReporter, SingleRunRowsAreMarkedWhenOthersAreNot) {
  Comparison c = every_verdict();
  c.benchmarks[2].single_run = true;  // the regression
  const std::string body = render(c);
  EXPECT_THAT(body, HasSubstr("| regression (unconfirmed) | single-run |"));
  EXPECT_THAT(body, HasSubstr("\n> **Note:** regressions unconfirmed"));
}

TEST(MarkdownReporter, SettingsInASmallFooter) {
  Comparison c = every_verdict();
  c.settings.alpha = 0.01;
  c.settings.threshold = 0.03;
  const auto lines = lines_of(render(c));
  EXPECT_EQ(lines.back(),
            "<sub>metric real\\_time · α = 0.01 (Holm) · δ = 3% · test mann-whitney · BH warnings "
            "at q ≤ 0.1</sub>");
}

TEST(MarkdownReporter, PipesInNamesCannotSplitCells) {
  const std::string row = only_row(render_name("BM_a|b||c\\|d"));
  EXPECT_EQ(unescaped_pipes(row), kTableColumns + 1) << row;
  EXPECT_THAT(row, StartsWith("| BM\\_a\\|b\\|\\|c\\\\\\|d |"));
}

TEST(MarkdownReporter, TrailingBackslashCannotEscapeTheSeparator) {
  const std::string row = only_row(render_name("BM_x\\"));
  EXPECT_EQ(unescaped_pipes(row), kTableColumns + 1) << row;
}

TEST(MarkdownReporter, BackticksAreEscaped) {
  const std::string row = only_row(render_name("BM_`code` ``x``"));
  EXPECT_THAT(row, HasSubstr("BM\\_\\`code\\` \\`\\`x\\`\\`"));
  EXPECT_EQ(std::count(row.begin(), row.end(), '`'), 6);
  for (std::size_t i = row.find('`'); i != std::string::npos; i = row.find('`', i + 1))
    EXPECT_EQ(row[i - 1], '\\');
}

TEST(MarkdownReporter, HtmlCommentsCannotHideTheRestOfTheComment) {
  const std::string body = render_name("BM_<!-- hidden --> -->x");
  EXPECT_THAT(body, Not(HasSubstr("<!--")));
  EXPECT_THAT(body, Not(HasSubstr("-->")));
  EXPECT_THAT(body, HasSubstr("BM\\_&lt;!-- hidden --&gt; --&gt;x"));
}

TEST(MarkdownReporter, HtmlAndScriptsAreInert) {
  const std::string body = render_name("<script>alert(1)</script><img src=x onerror=\"y\">&amp;'");
  EXPECT_THAT(body, Not(HasSubstr("<script")));
  EXPECT_THAT(body, Not(HasSubstr("<img")));
  EXPECT_THAT(body, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x "
                              "onerror=&quot;y&quot;&gt;&amp;amp;&#39;"));
}

TEST(MarkdownReporter, DetailsTagsInNamesCannotUnfoldOrCloseTheFold) {
  Comparison c;
  c.benchmarks = {make_row("</details><details open>", Verdict::kUnchanged, 1.0)};
  const std::string body = render(c);
  const auto lines = lines_of(body);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "</details>"), 1);
  EXPECT_THAT(body, HasSubstr("&lt;/details&gt;&lt;details open&gt;"));
}

TEST(MarkdownReporter, MentionsCannotPingAnyone) {
  const std::string body = render_name("BM_@octocat @org/team");
  EXPECT_THAT(body, HasSubstr("@" + kZwj + "octocat @" + kZwj + "org/team"));
  for (std::size_t i = body.find('@'); i != std::string::npos; i = body.find('@', i + 1))
    EXPECT_EQ(body.substr(i + 1, kZwj.size()), kZwj);
}

TEST(MarkdownReporter, IssueReferencesDoNotLink) {
  const std::string body = render_name("BM_fix#123 owner/repo#7");
  EXPECT_THAT(body, HasSubstr("BM\\_fix#" + kZwj + "123 owner/repo#" + kZwj + "7"));
  EXPECT_THAT(body, Not(HasSubstr("#123")));
}

TEST(MarkdownReporter, LinksAndEmphasisAreLiteral) {
  const std::string row = only_row(render_name("[click](https://evil.example) **bold** ~~x~~"));
  EXPECT_THAT(row, HasSubstr("\\[click\\](https:" + kZwj +
                             "//evil.example) \\*\\*bold\\*\\* \\~\\~x\\~\\~"));
}

TEST(MarkdownReporter, NewlinesCannotEndTheRowOrStartABlock) {
  const std::string body = render_name("BM_a\n\n# Heading\r\n| fake | row |");
  const auto lines = lines_of(body);
  EXPECT_EQ(std::count_if(lines.begin(), lines.end(),
                          [](const std::string& l) { return l.starts_with("| "); }),
            2);  // the header and the one row
  EXPECT_THAT(body, Not(HasSubstr("\n# ")));
  EXPECT_EQ(unescaped_pipes(only_row(body)), kTableColumns + 1);
}

TEST(MarkdownReporter, LabelsWarningsNotesAndMetricAreEscapedToo) {
  Comparison c = every_verdict();
  c.base_label = "main <!--";
  c.head_label = "@someone";
  c.warnings = {"drift | `x` <b>"};
  c.settings.metric = "items|<i>";
  c.benchmarks[3].note = "see #12 @dev";
  const std::string body = render(c);
  EXPECT_THAT(body, HasSubstr("Base: main &lt;!-- · Head: @" + kZwj + "someone"));
  EXPECT_THAT(body, HasSubstr("> **Warning:** drift \\| \\`x\\` &lt;b&gt;"));
  EXPECT_THAT(body, HasSubstr("metric items\\|&lt;i&gt;"));
  EXPECT_THAT(body, HasSubstr("see #" + kZwj + "12 @" + kZwj + "dev"));
  EXPECT_THAT(body, Not(HasSubstr("<!--")));
}

TEST(MarkdownReporter, HugeComparisonsStayUnderTheCommentLimit) {
  Comparison c = every_verdict();
  for (int i = 0; i < 5000; ++i)
    c.benchmarks.push_back(make_row("BM_Generated/" + std::to_string(i), Verdict::kUnchanged, 1.0));
  const std::string body = render(c);
  EXPECT_LT(body.size(), 65536u);
  EXPECT_THAT(body, HasSubstr("BM\\_Sort/1024"));  // what changed is always shown
  EXPECT_THAT(
      body,
      HasSubstr("more not shown (comment size limit); the JSON report lists every benchmark."));
  EXPECT_THAT(body, HasSubstr("</details>\n\n<sub>metric"));
}

}  // namespace
}  // namespace benchgate::report
