// Raw C++ symbols in folded stacks are demangled, everything else is kept byte for byte. The
// oracle is binutils' c++filt, run as a process.
#include "profile/demangle.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "profile/folded_format.h"
#include "profile/perf_script_parser.h"
#include "tests/profile/profile_test_util.h"
#include "tests/support/process.h"

namespace benchgate::profile {
namespace {
using benchgate::testing::run_process;
using benchgate::testing::stacks_of;
using Stacks = std::map<std::string, std::uint64_t>;

// c++filt's reading of each symbol (one per line in, one per line out).
std::vector<std::string> cxxfilt(const std::vector<std::string>& symbols) {
  benchgate::testing::ProcessOptions options;
  for (const auto& symbol : symbols) options.stdin_text += symbol + "\n";
  const auto result = run_process({"c++filt"}, options);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::vector<std::string> names;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) names.push_back(line);
  return names;
}

TEST(Demangle, FoldedStacksDemangleRawSymbolsOnly) {
  const std::vector<std::string> mangled = {
      "_ZN3foo3barEv",
      "_ZN4work9hash_rowsImEEvPKT_m",                           // a function template
      "_ZNSt6vectorIiSaIiEE9push_backERKi",                     // a member of a class template
      "_ZNK5boost4math6detail6normalIdNS0_8policiesEE3pdfEd"};  // nested templates, const
  const auto plain = cxxfilt(mangled);
  ASSERT_EQ(plain.size(), mangled.size());
  for (std::size_t i = 0; i < plain.size(); ++i) ASSERT_NE(plain[i], mangled[i]);

  const std::string text = "main;" + mangled[0] + ";" + mangled[1] + " 3\n" + mangled[2] + "_[k];" +
                           mangled[3] + " 2\n" +
                           // Not mangled (or not validly): kept as they are.
                           "Z_keep;_Zinvalid;__Z3foov;py fn (app.py:3);_ZN3foo3barEv_[x] 1\n";
  FrameTrie trie;
  ProfileInfo info;
  LineReader lines(text, "mixed.folded");
  read_folded(lines, trie, kBase, info);
  EXPECT_EQ(info.warnings.malformed_lines, 0u);
  EXPECT_EQ(stacks_of(trie, kBase),
            (Stacks{{"main;" + plain[0] + ";" + plain[1], 3},
                    {plain[2] + "_[k];" + plain[3], 2},
                    {"Z_keep;_Zinvalid;__Z3foov;py fn (app.py:3);_ZN3foo3barEv_[x]", 1}}));
}

TEST(Demangle, SameFunctionForPerfFramesAndFoldedFrames) {
  EXPECT_EQ(demangle_symbol("_ZN3foo3barEv"), "foo::bar()");
  EXPECT_EQ(demangle_symbol("_ZN3foo3barEv_[i]"), "foo::bar()_[i]");
  EXPECT_EQ(demangle_symbol("_Z"), "_Z");
  EXPECT_EQ(perf_frame_name("_ZN3foo3barEv+0x1e", "/tmp/prog"), "foo::bar()");
}

}  // namespace
}  // namespace benchgate::profile
