// profile/ speed and memory (targets, docs/profiles.md): fold perf script text >= 200 MB/s;
// render a 1,000,000-line folded file of deep C++ names (~0.9 GB) <= 9 s and <= 1.5 GB; diff two
// such files (SVG + top-N) <= 15 s and <= 3 GB; the SVG <= 5 MB; on deep unique stacks (shape 3)
// render <= 9 s and diff <= 15 s, each under 1 GB. Render and diff run on four inputs
// (/shape:0..3, see Stacks): stacks sharing prefixes, unique stacks, (for reference) every name
// distinct, and deep unique stacks of short names. Inputs are generated in the setup, in a temp
// directory. BENCHGATE_PROFILE_LINES sets the folded size (default 100,000 for a quick run; the
// full-size figures use 1000000). Peak RSS (getrusage) is process-wide: run one benchmark per
// process
// (--benchmark_filter) for memory figures.
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "profile/diff_summary.h"
#include "profile/flamegraph_svg.h"
#include "profile/perf_script_parser.h"
#include "profile/profile_diff.h"
#include "profile/profile_loader.h"
#include "reporters/profile_markdown.h"

namespace {
namespace fs = std::filesystem;
using namespace benchgate::profile;

std::size_t folded_lines() {
  const char* value = std::getenv("BENCHGATE_PROFILE_LINES");
  return value ? std::stoul(value) : 100000;
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// ~120-character C++ names, as template-heavy code produces.
std::string function_name(std::size_t i) {
  return "ns" + std::to_string(i % 17) + "::detail::Handler<std::vector<std::basic_string<char>, " +
         "std::allocator<std::basic_string<char> > >, " + std::to_string(i % 5) + ">::process_" +
         std::to_string(i) + "(unsigned long, Options const&)";
}

// A call tree with fan-out 4 and depth 7-9: deep, mostly distinct stacks, shared prefixes.
std::vector<std::size_t> random_stack(std::mt19937_64& random) {
  std::vector<std::size_t> frames;
  const std::size_t depth = 7 + random() % 3;
  std::size_t node = 1;
  for (std::size_t d = 0; d < depth; ++d) {
    node = node * 4 + random() % 4;
    frames.push_back(node % 4000);
  }
  return frames;
}

fs::path scratch() {
  static const fs::path dir = [] {
    auto path =
        fs::temp_directory_path() / ("benchgate-profile-bench-" + std::to_string(::getpid()));
    fs::create_directories(path);
    std::atexit([] {
      fs::remove_all(fs::temp_directory_path() /
                     ("benchgate-profile-bench-" + std::to_string(::getpid())));
    });
    return path;
  }();
  return dir;
}

// Shape of a generated folded file.
enum class Stacks {
  kSharedPrefixes = 0,  // random_stack(): a fan-out-4 call tree over 4,000 names
  // The worst case for the trie: below "main;app::run_K();app::dispatch_J()" (4 x 16 callers)
  // 6-8 frames named at random from the program's 1,000,000 functions, so nearly every stack is
  // unique, no two share a prefix below depth 3, and nearly every frame is a node of its own.
  // Base and head come from the same program (the same 1M names, ~150 MB of them).
  kUniqueStacks = 1,
  // Beyond the targets' design, measured for reference: as kUniqueStacks, but every frame below
  // depth 3 has a name no other frame has (7M distinct names in 1M lines), so the distinct name
  // bytes alone (~1.1 GB) are nearly the render's memory budget.
  kDistinctNames = 2,
  // A real program's deep stacks: 1,000,000 unique stacks of 24-26 frames named at random from
  // 10,000 C++ names of ~35 characters (~0.9 GB), so nearly every frame below the top is a trie
  // node of its own (~24M in one profile). Targets: render <= 9 s, diff <= 15 s, each < 1 GB.
  kDeepUniqueStacks = 3,
};

// ~35-character C++ names, as an ordinary program's frames are.
std::string short_function_name(std::size_t i) {
  return fmt::format("ns{}::Widget<int>::update_{}(long)", i % 23, i);
}

fs::path folded_file(std::uint64_t seed, Stacks shape) {
  const auto path = scratch() / fmt::format("shape{}-seed{}.folded", static_cast<int>(shape), seed);
  if (fs::exists(path)) return path;
  std::mt19937_64 random(seed);
  std::ofstream out(path);
  std::string line;
  // Numbered like the pool's names (13 digits, so the same length), the head's after the base's.
  constexpr std::size_t kNameBase = std::size_t{1} << 40, kPoolSize = 1000000;
  std::size_t distinct = kNameBase + (seed << 32);
  for (std::size_t i = 0; i < folded_lines(); ++i) {
    line = "main";
    if (shape == Stacks::kSharedPrefixes) {
      for (auto f : random_stack(random)) line += ";" + function_name(f);
    } else if (shape == Stacks::kDeepUniqueStacks) {
      for (std::size_t d = 24 + random() % 3; d > 0; --d)
        line += ";" + short_function_name(random() % 10000);
    } else {
      line += ";app::run_" + std::to_string(i % 4) + "();app::dispatch_" + std::to_string(i % 16) +
              "()";
      for (std::size_t d = 6 + random() % 3; d > 0; --d) {
        line +=
            ";" + function_name(shape == Stacks::kUniqueStacks ? kNameBase + random() % kPoolSize
                                                               : distinct++);
      }
    }
    line += " " + std::to_string(1 + random() % 50) + "\n";
    out << line;
  }
  return path;
}

Stacks shape_of(const benchmark::State& state) {
  return static_cast<Stacks>(state.range(0));
}

// What the renderer says in the SVG's subtitle: "N frames; narrower than P px hidden".
void count_svg(benchmark::State& state, const std::string& svg) {
  state.counters["svg_MB"] = static_cast<double>(svg.size()) / 1e6;
  const auto frames = svg.find(" frames; ");
  const auto px = svg.find("narrower than ");
  if (frames == std::string::npos || px == std::string::npos) return;
  state.counters["svg_frames"] = std::stod(svg.substr(svg.rfind(' ', frames - 1) + 1));
  state.counters["pruned_below_px"] = std::stod(svg.substr(px + 14));
}

const std::string& perf_script_text() {
  static const std::string text = [] {
    std::mt19937_64 random(7);
    std::string out;
    while (out.size() < 200u << 20) {
      out += "app 1234/1234 [001] 12345.678901:    1001001 cpu-clock:pppH: \n";
      auto frames = random_stack(random);
      for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
        out += "\t    55d5c0a0" + std::to_string(1000 + *it) + " " + function_name(*it) +
               "+0x1e (/usr/bin/app)\n";
      }
      out += "\t    7f2724a __libc_start_call_main+0x7a (/usr/lib/x86_64-linux-gnu/libc.so.6)\n\n";
    }
    return out;
  }();
  return text;
}

void BM_FoldPerfScript(benchmark::State& state) {
  const auto& text = perf_script_text();
  for (auto _ : state) {
    FrameTrie trie;
    ProfileInfo info;
    LineReader lines(text, "bench");
    fold_perf_script(lines, trie, kBase, {}, info);
    benchmark::DoNotOptimize(info.samples);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_FoldPerfScript)->Unit(benchmark::kMillisecond);

// Arg: the Stacks shape.
void BM_RenderFolded(benchmark::State& state) {
  const auto shape = shape_of(state);
  const auto path = folded_file(1, shape);
  for (auto _ : state) {
    const auto profile = load_profile(path);
    const auto svg = render_flamegraph_svg(profile.trie, {});
    count_svg(state, svg);
    state.counters["trie_nodes"] = static_cast<double>(profile.trie.size());
  }
  state.counters["input_MB"] = static_cast<double>(fs::file_size(path)) / 1e6;
  state.counters["lines"] = static_cast<double>(folded_lines());
  state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_RenderFolded)
    ->ArgName("shape")
    ->DenseRange(0, 3)
    ->Unit(benchmark::kSecond)
    ->Iterations(1);

void BM_DiffFolded(benchmark::State& state) {
  const auto shape = shape_of(state);
  const auto base = folded_file(1, shape);
  const auto head = folded_file(2, shape);
  for (auto _ : state) {
    FrameTrie trie;
    const auto base_info = load_profile_into(base, trie, kBase);
    const auto head_info = load_profile_into(head, trie, kHead);
    trie.finish_loading();
    RenderOptions options;
    options.differential = true;
    const auto svg = render_flamegraph_svg(trie, options);
    const auto table = benchgate::report::function_delta_table(
        function_deltas(diff_profiles(trie, base_info, head_info, {})));
    count_svg(state, svg);
    state.counters["trie_nodes"] = static_cast<double>(trie.size());
    benchmark::DoNotOptimize(table);
  }
  state.counters["input_MB"] = static_cast<double>(fs::file_size(base) + fs::file_size(head)) / 1e6;
  state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_DiffFolded)
    ->ArgName("shape")
    ->DenseRange(0, 3)
    ->Unit(benchmark::kSecond)
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
