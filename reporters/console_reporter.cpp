// The terminal report: aligned columns, what changed first, a one-line summary last (the line a
// CI log shows at the bottom). Colours only when asked (ReportOptions::color: writing to a TTY).
#include <algorithm>
#include <array>
#include <vector>

#include <fmt/format.h>

#include "core/clean_text.h"
#include "reporters/builtin_reporters.h"
#include "reporters/noise_table.h"
#include "reporters/report_format.h"
#include "reporters/report_sections.h"

namespace benchgate::report {
namespace {

// Names longer than this go on a line of their own so one long name does not push every other
// row's numbers off the screen.
constexpr std::size_t kMaxNameWidth = 60;
constexpr std::string_view kColumnGap = "  ";
constexpr std::string_view kIndent = "    ";

namespace ansi {
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kBoldRed = "\x1b[1;31m";
constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kGreen = "\x1b[32m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kDim = "\x1b[2m";
}  // namespace ansi

enum Column { kName, kBase, kHead, kChange, kP, kVerdict, kNotes, kColumnCount };
using Cells = std::array<std::string, kColumnCount>;
using Widths = std::array<std::size_t, kColumnCount>;
constexpr std::array<bool, kColumnCount> kRightAligned = {false, true,  true, false,
                                                          true,  false, false};

std::string_view verdict_colour(const BenchmarkComparison& row, const CompareSettings& settings) {
  if (is_unconfirmed_regression(row, settings)) return ansi::kYellow;
  switch (row.verdict) {
    case Verdict::kRegression:
      return ansi::kBoldRed;
    case Verdict::kImprovement:
      return ansi::kGreen;
    case Verdict::kMissing:
      return ansi::kRed;
    case Verdict::kInconclusive:
    case Verdict::kUntested:
      return ansi::kYellow;
    case Verdict::kUnchanged:
    case Verdict::kNew:
      return row.warning ? ansi::kYellow : std::string_view{};
  }
  return {};
}

class ConsoleReporter final : public Reporter {
 public:
  explicit ConsoleReporter(const ReportOptions& options) : color_(options.color) {}
  std::string_view name() const override { return "console"; }
  std::string_view file_extension() const override { return "txt"; }

  using Reporter::render;
  std::string render(const Report& report) const override {
    const Comparison& c = report.comparison;
    std::string out = heading(c);
    const auto sections = sections_in_display_order(c);
    // Cells first, in display order: the column widths depend on all of them.
    const bool mark_single_run = mark_single_run_rows(c);
    std::vector<std::vector<Cells>> cells(sections.size());
    for (std::size_t s = 0; s < sections.size(); ++s)
      for (const auto* row : sections[s].rows)
        cells[s].push_back(row_cells(*row, c.settings, mark_single_run));
    const auto widths = column_widths(cells);

    if (!sections.empty()) out += "\n" + line(header_cells(), widths, {}, {}) + "\n";
    for (std::size_t s = 0; s < sections.size(); ++s) {
      const Section section = sections[s].section;
      out += paint(ansi::kBold,
                   fmt::format("── {} ({}) ──", section_title(section), sections[s].rows.size())) +
             "\n";
      for (std::size_t r = 0; r < cells[s].size(); ++r)
        out += render_row(*sections[s].rows[r], cells[s][r], section, c.settings, widths);
    }
    out += "\n";
    if (auto note = single_run_note(c); !note.empty())
      out += paint(ansi::kYellow, "note: " + note) + "\n";
    out += paint(c.fails() ? ansi::kBoldRed : ansi::kGreen, summary_line(c)) + "\n";
    out += attachments(report);
    return out;
  }

 private:
  std::string paint(std::string_view colour, std::string_view text) const {
    if (!color_ || colour.empty()) return std::string(text);
    return fmt::format("{}{}{}", colour, text, ansi::kReset);
  }

  // Where the time went (one line per profiled benchmark, its largest function deltas), what
  // could not be profiled, and the noise of an interleaved job.
  std::string attachments(const Report& report) const {
    std::string out;
    if (!report.profiles.empty()) out += "\n" + paint(ansi::kBold, "Where the time went:") + "\n";
    for (const auto& f : report.profiles) {
      out += fmt::format("  {}: {}\n", clean_text(f.benchmark),
                         f.svg_file.empty() ? "no flame graph" : clean_text(f.svg_file));
      if (!f.deltas) {
        out += "    head only (no base profile to compare with)\n";
        continue;
      }
      constexpr std::size_t kShown = 3;
      for (std::size_t i = 0; i < f.deltas->top.size() && i < kShown; ++i)
        out += fmt::format("    {:+.2f} pp  {}\n", f.deltas->top[i].delta_points,
                           clean_text(f.deltas->top[i].name));
    }
    for (const auto& note : report.profile_notes) out += "note: " + clean_text(note) + "\n";
    if (report.noise) out += noise_table(*report.noise);
    return out;
  }

  std::string heading(const Comparison& c) const {
    std::string out = "benchgate compare";
    if (!c.base_label.empty() || !c.head_label.empty())
      out += fmt::format(": base {} → head {}", clean_text(c.base_label), clean_text(c.head_label));
    out += "\n" + settings_line(c.settings) + "\n";
    if (auto method = method_line(c); !method.empty()) out += method + "\n";
    for (const auto& warning : c.warnings)
      out += paint(ansi::kYellow, "warning: " + clean_text(warning)) + "\n";
    return out;
  }

  static Cells header_cells() {
    return {"Benchmark", "Base", "Head", "Change [95% CI]", "p (Holm)", "Verdict", "Notes"};
  }

  static Cells row_cells(const BenchmarkComparison& row, const CompareSettings& settings,
                         bool mark_single_run) {
    return {clean_text(row.name),
            base_value(row),
            head_value(row),
            format_change_with_interval(row),
            format_p(row.p_adjusted),
            verdict_label(row, settings),
            join(row_markers(row, mark_single_run), ", ")};
  }

  static Widths column_widths(const std::vector<std::vector<Cells>>& sections) {
    Widths widths{};
    auto widen = [&](const Cells& cells) {
      for (int i = 0; i < kColumnCount; ++i)
        widths[i] = std::max(widths[i], display_width(cells[i]));
    };
    widen(header_cells());
    for (const auto& rows : sections)
      for (const auto& cells : rows) widen(cells);
    widths[kName] = std::min(widths[kName], kMaxNameWidth);
    return widths;
  }

  // One aligned line; `verdict_colour` paints the change and verdict cells (not their padding).
  std::string line(const Cells& cells, const Widths& widths, std::string_view verdict_colour,
                   std::string_view name_colour) const {
    std::string out;
    for (int i = 0; i < kColumnCount; ++i) {
      if (i) out += kColumnGap;
      const std::size_t width = display_width(cells[i]);
      const std::string padding(widths[i] > width ? widths[i] - width : 0, ' ');
      const std::string_view colour = i == kChange || i == kVerdict ? verdict_colour
                                      : i == kName                  ? name_colour
                                                                    : std::string_view{};
      out +=
          kRightAligned[i] ? padding + paint(colour, cells[i]) : paint(colour, cells[i]) + padding;
    }
    out.erase(out.find_last_not_of(' ') + 1);
    return out;
  }

  std::string render_row(const BenchmarkComparison& row, Cells cells, Section section,
                         const CompareSettings& settings, const Widths& widths) const {
    std::string out;
    if (display_width(cells[kName]) > widths[kName]) {
      out += cells[kName] + "\n";
      cells[kName].clear();
    }
    const std::string_view name_colour =
        section == Section::kQuiet ? ansi::kDim : std::string_view{};
    out += line(cells, widths, verdict_colour(row, settings), name_colour) + "\n";
    for (const auto& text : row_explanations(row, section == Section::kAttention))
      out += fmt::format("{}{}\n", kIndent, paint(ansi::kDim, text));
    return out;
  }

  bool color_;
};

}  // namespace

std::unique_ptr<Reporter> make_console_reporter(const ReportOptions& options) {
  return std::make_unique<ConsoleReporter>(options);
}

}  // namespace benchgate::report
