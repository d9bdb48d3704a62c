#pragma once
// Progress of `benchgate run` on stderr: a live, rewritten line on a terminal (suite, process,
// benchmark, repetition, elapsed, ETA), one plain line per finished process otherwise (CI logs
// must not fill up with carriage returns), nothing at all when quiet.
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

namespace benchgate::runner {

class Progress {
 public:
  enum class Mode { kLive, kLines, kQuiet };
  // kLive when `stream` is a terminal, kLines otherwise, kQuiet when asked.
  static Mode mode_for(std::FILE* stream, bool quiet);

  explicit Progress(Mode mode, std::FILE* stream = stderr);
  Mode mode() const { return mode_; }

  void begin(int total_launches);
  // `samples_expected`: how many result lines the process will print (0 when unknown).
  void launch_started(std::string_view suite, int process, int processes, int samples_expected);
  // One more measured repetition of `benchmark` inside the current process.
  void sample_done(std::string_view benchmark);
  void launch_finished(bool ok, std::string_view problem);
  // A message that must not be garbled by the live line (warnings).
  void message(std::string_view text);
  void finish();

 private:
  void redraw(bool force);
  double eta_seconds() const;
  void clear_live_line();

  using Clock = std::chrono::steady_clock;
  Mode mode_;
  std::FILE* stream_;
  Clock::time_point start_, launch_start_, last_draw_;
  int total_ = 0, done_ = 0;
  std::string suite_, benchmark_;
  int process_ = 0, processes_ = 0, samples_expected_ = 0, samples_done_ = 0;
  bool live_line_shown_ = false;
};

}  // namespace benchgate::runner
