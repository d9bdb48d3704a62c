#include "cli/help_sections.h"

#include <string>

namespace benchgate::cli {
namespace {

// Each line of `text` indented by `indent`, newline-terminated.
std::string indented(std::string_view text, std::string_view indent) {
  std::string out;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    out.append(indent).append(text.substr(0, end)).push_back('\n');
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace

void set_help_sections(CLI::App& cmd, std::initializer_list<Example> examples,
                       std::string_view exit_codes) {
  std::string footer;
  if (!exit_codes.empty()) footer += "Exit codes:\n" + indented(exit_codes, "  ") + "\n";
  footer += "Examples:\n";
  for (const Example& e : examples)
    footer += indented(e.command, "  ") + indented(e.meaning, "    # ");
  // CLI11 ends the footer with a newline of its own.
  if (!footer.empty() && footer.back() == '\n') footer.pop_back();
  cmd.footer(footer);
}

}  // namespace benchgate::cli
