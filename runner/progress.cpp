#include "runner/progress.h"

#include <unistd.h>

#include <algorithm>

#include <fmt/format.h>

namespace benchgate::runner {
namespace {

// A terminal line redrawn more often than this only burns CPU next to the benchmark.
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

std::string format_seconds(double s) {
  if (s < 60) return fmt::format("{:.1f}s", s);
  int total = static_cast<int>(s + 0.5);
  return fmt::format("{}m{:02}s", total / 60, total % 60);
}

}  // namespace

Progress::Mode Progress::mode_for(std::FILE* stream, bool quiet) {
  if (quiet) return Mode::kQuiet;
  return isatty(fileno(stream)) ? Mode::kLive : Mode::kLines;
}

Progress::Progress(Mode mode, std::FILE* stream) : mode_(mode), stream_(stream) {}

void Progress::begin(int total_launches) {
  total_ = total_launches;
  done_ = 0;
  start_ = Clock::now();
}

void Progress::launch_started(std::string_view suite, int process, int processes,
                              int samples_expected) {
  suite_ = suite;
  process_ = process;
  processes_ = processes;
  samples_expected_ = samples_expected;
  samples_done_ = 0;
  benchmark_.clear();
  launch_start_ = Clock::now();
  redraw(true);
}

void Progress::sample_done(std::string_view benchmark) {
  benchmark_ = benchmark;
  ++samples_done_;
  redraw(false);
}

double Progress::eta_seconds() const {
  if (done_ == 0 && samples_expected_ == 0) return -1;
  double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
  // Launches are alike, so the average so far (plus the current one's fraction) predicts the rest.
  double fraction_of_current =
      samples_expected_ > 0 ? std::min(1.0, double(samples_done_) / samples_expected_) : 0.0;
  double progress = done_ + fraction_of_current;
  if (progress <= 0) return -1;
  return elapsed / progress * (total_ - progress);
}

void Progress::redraw(bool force) {
  if (mode_ != Mode::kLive || done_ >= total_) return;
  auto now = Clock::now();
  if (!force && now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  double elapsed = std::chrono::duration<double>(now - start_).count();
  std::string line = fmt::format("{}: process {}/{}", suite_, process_, processes_);
  if (!benchmark_.empty()) line += fmt::format(" · {}", benchmark_);
  if (samples_expected_ > 0)
    line += fmt::format(" · repetition {}/{}", samples_done_, samples_expected_);
  line += fmt::format(" · launch {}/{} · {} elapsed", done_ + 1, total_, format_seconds(elapsed));
  if (double eta = eta_seconds(); eta >= 0) line += " · ETA " + format_seconds(eta);
  // \r + "erase to end of line" rewrites the line in place.
  fmt::print(stream_, "\r\x1b[K{}", line);
  std::fflush(stream_);
  live_line_shown_ = true;
}

void Progress::clear_live_line() {
  if (!live_line_shown_) return;
  fmt::print(stream_, "\r\x1b[K");
  live_line_shown_ = false;
}

void Progress::launch_finished(bool ok, std::string_view problem) {
  ++done_;
  if (mode_ == Mode::kLines) {
    double took = std::chrono::duration<double>(Clock::now() - launch_start_).count();
    fmt::print(stream_, "benchgate: [{}/{}] {}: process {}/{} {} in {}\n", done_, total_, suite_,
               process_, processes_, ok ? "done" : "FAILED", format_seconds(took));
  }
  if (!ok && !problem.empty()) message(problem);
  redraw(true);
}

void Progress::message(std::string_view text) {
  if (mode_ == Mode::kQuiet) return;
  clear_live_line();
  fmt::print(stream_, "{}\n", text);
  std::fflush(stream_);
}

void Progress::finish() {
  if (mode_ != Mode::kLive) return;
  clear_live_line();
  std::fflush(stream_);
}

}  // namespace benchgate::runner
