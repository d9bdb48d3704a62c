// A program whose profile is known in advance, for the real-perf tests of profile/: most of its
// time goes to `work::hash_rows<unsigned long>`, a smaller part to `work::sum_squares`. Built a
// second time with -DSLOW_SUM_SQUARES, `sum_squares` does 8x the work, so a diff of the two
// profiles must show it as the frame that grew most. noinline keeps each function its own frame;
// `sink` keeps the optimiser from deleting the loops.
#include <cstdio>
#include <cstdlib>

#ifndef SUM_SQUARES_FACTOR
#ifdef SLOW_SUM_SQUARES
#define SUM_SQUARES_FACTOR 8
#else
#define SUM_SQUARES_FACTOR 1
#endif
#endif

volatile unsigned long sink;

namespace work {

template <typename T>
__attribute__((noinline)) T hash_rows(T seed, long rows) {
  T h = seed;
  for (long i = 0; i < rows; ++i) h = (h ^ static_cast<T>(i)) * static_cast<T>(1099511628211ull);
  return h;
}

__attribute__((noinline)) unsigned long sum_squares(long n) {
  unsigned long s = 0;
  for (long i = 0; i < n * SUM_SQUARES_FACTOR; ++i) s += static_cast<unsigned long>(i) * i;
  return s;
}

__attribute__((noinline)) void run_round(long size) {
  sink = hash_rows<unsigned long>(14695981039346656037ull, size * 6);
  sink = sum_squares(size);
}

}  // namespace work

int main(int argc, char** argv) {
  // Runs for roughly `seconds` (default 1) of CPU on this machine's speed, measured in rounds.
  const double seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
  const long rounds = static_cast<long>(seconds * 200);
  for (long r = 0; r < rounds; ++r) work::run_round(200000);
  std::printf("%lu\n", static_cast<unsigned long>(sink));
  return 0;
}
