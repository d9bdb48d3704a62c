// The pull-request comment body (GitHub/GitLab-flavoured Markdown): a summary line, the changes,
// what needs a closer look, and the quiet rest folded away in <details>.
//
// Benchmark names, labels, metric names and messages are untrusted: a name is whatever a
// benchmark author (or a fork's pull request) registered. Every such string goes through
// escape_markdown() so it cannot end a table cell, open an HTML comment that hides the rest of
// the comment, inject HTML or links, or mention a user/reference an issue.
#include <fmt/format.h>

#include "core/clean_text.h"
#include "reporters/builtin_reporters.h"
#include "reporters/markdown_escape.h"
#include "reporters/profile_markdown.h"
#include "reporters/report_format.h"
#include "reporters/report_sections.h"

namespace benchgate::report {
namespace {

// GitHub rejects comment bodies over 65,536 characters; stop listing rows well before that and
// point to the JSON report, which always has every row.
constexpr std::size_t kMaxBodyBytes = 60000;
constexpr std::string_view kTableHeader =
    "| Benchmark | Base | Head | Change [95% CI] | p (Holm) | Verdict | Notes |\n"
    "|:--|--:|--:|:--|--:|:--|:--|\n";

std::string table_row(const BenchmarkComparison& row, Section section,
                      const CompareSettings& settings, bool mark_single_run) {
  std::vector<std::string> notes = row_markers(row, mark_single_run);
  for (auto& text : row_explanations(row, section == Section::kAttention))
    notes.push_back(std::move(text));
  return fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", escape_markdown(row.name),
                     base_value(row), head_value(row), format_change_with_interval(row),
                     format_p(row.p_adjusted), verdict_label(row, settings),
                     escape_markdown(join(notes, "; ")));
}

class MarkdownReporter final : public Reporter {
 public:
  std::string_view name() const override { return "markdown"; }
  std::string_view file_extension() const override { return "md"; }

  using Reporter::render;
  std::string render(const Report& report) const override {
    const Comparison& c = report.comparison;
    std::string out =
        fmt::format("**benchgate: {}** — {}\n", gate_word(c), escape_markdown(summary_counts(c)));
    if (!c.base_label.empty() || !c.head_label.empty())
      out += fmt::format("\nBase: {} · Head: {}\n", escape_markdown(c.base_label),
                         escape_markdown(c.head_label));
    if (auto method = method_line(c); !method.empty())
      out += fmt::format("\n{}\n", escape_markdown(method));
    if (auto note = single_run_note(c); !note.empty())
      out += fmt::format("\n> **Note:** {}\n", note);  // our own text: its `code` must stay code
    for (const auto& warning : c.warnings)
      out += fmt::format("\n> **Warning:** {}\n", escape_markdown(warning));

    const std::string footer =
        fmt::format("\n<sub>{}</sub>\n", escape_markdown(settings_line(c.settings)));
    const std::size_t budget = kMaxBodyBytes > footer.size() ? kMaxBodyBytes - footer.size() : 0;
    const bool mark_single_run = mark_single_run_rows(c);
    for (const auto& section : sections_in_display_order(c)) {
      const bool folded = section.section == Section::kQuiet;
      const std::string title =
          fmt::format("{} ({})", section_title(section.section), section.rows.size());
      out += folded ? fmt::format("\n<details>\n<summary>{}</summary>\n\n", title)
                    : fmt::format("\n### {}\n\n", title);
      append_table(out, section, c.settings, mark_single_run, budget);
      if (folded) out += "\n</details>\n";
    }
    // The profiles explain the changes above them; they come after the footer, as the gate's
    // comment has always shown them.
    return out + footer + profile_sections(report);
  }

 private:
  static void append_table(std::string& out, const SectionRows& section,
                           const CompareSettings& settings, bool mark_single_run,
                           std::size_t budget) {
    out += kTableHeader;
    for (std::size_t i = 0; i < section.rows.size(); ++i) {
      std::string row = table_row(*section.rows[i], section.section, settings, mark_single_run);
      if (out.size() + row.size() > budget) {
        out += fmt::format(
            "\n… {} more not shown (comment size limit); the JSON report lists every benchmark.\n",
            section.rows.size() - i);
        return;
      }
      out += row;
    }
  }
};

}  // namespace

std::unique_ptr<Reporter> make_markdown_reporter(const ReportOptions&) {
  return std::make_unique<MarkdownReporter>();
}

}  // namespace benchgate::report
