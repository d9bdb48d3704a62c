// pprof export and import (profile/pprof_format.h). The oracles share no code with ours: protoc
// decodes what we write and encodes what we read (from text-format messages written here), gzip
// compresses and decompresses.
#include "profile/pprof_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "core/errors.h"
#include "profile/folded_format.h"
#include "profile/profile_loader.h"
#include "tests/profile/profile_test_util.h"
#include "tests/support/temp_dir.h"

namespace benchgate::profile {
namespace {
using benchgate::testing::gunzip_file;
using benchgate::testing::gzip_file;
using benchgate::testing::protoc_decode_profile;
using benchgate::testing::protoc_encode_profile;
using benchgate::testing::stacks_of;
using benchgate::testing::TempDir;
using benchgate::testing::write_file;
using ::testing::HasSubstr;
using Stacks = std::map<std::string, std::uint64_t>;

Profile read_folded_text(const std::string& text) {
  Profile profile;
  LineReader lines(text, "input.folded");
  read_folded(lines, profile.trie, kBase, profile.info);
  return profile;
}

// A message as `protoc --decode` prints it: one field or one "name {" / "}" per line.
struct TextMessage {
  std::multimap<std::string, std::string> fields;
  std::multimap<std::string, TextMessage> messages;

  std::vector<std::string> all(const std::string& key) const {
    std::vector<std::string> values;
    for (auto [it, end] = fields.equal_range(key); it != end; ++it) values.push_back(it->second);
    return values;
  }
  std::uint64_t number(const std::string& key) const {
    const auto values = all(key);
    return values.empty() ? 0 : std::stoull(values.front());
  }
  std::vector<const TextMessage*> children(const std::string& key) const {
    std::vector<const TextMessage*> found;
    for (auto [it, end] = messages.equal_range(key); it != end; ++it) found.push_back(&it->second);
    return found;
  }
};

TextMessage parse_text_message(std::istream& in) {
  TextMessage message;
  std::string line;
  while (std::getline(in, line)) {
    const auto first = line.find_first_not_of(' ');
    if (first == std::string::npos) continue;
    line = line.substr(first);
    if (line == "}") break;
    if (line.ends_with(" {")) {
      message.messages.emplace(line.substr(0, line.size() - 2), parse_text_message(in));
      continue;
    }
    const auto colon = line.find(": ");
    std::string value = line.substr(colon + 2);
    if (value.size() >= 2 && value.front() == '"') value = value.substr(1, value.size() - 2);
    message.fields.emplace(line.substr(0, colon), value);
  }
  return message;
}

TextMessage decode(const std::filesystem::path& gzipped) {
  std::istringstream in(protoc_decode_profile(gunzip_file(gzipped)));
  return parse_text_message(in);
}

const std::string kFolded =
    "# event: cpu-clock\n"
    "main;work::hash_rows<unsigned long>;std::vector<int, std::allocator<int> >::push_back(int "
    "const&) 7\n"
    "main;work::hash_rows<unsigned long> 5\n"
    "main;parse (lib.py:3) 11\n"
    "main 2\n"
    "idle;main 1\n";

TEST(PprofFormat, RoundTripKeepsEveryStackEventAndUnit) {
  TempDir dir;
  for (const std::string& text :
       {kFolded, std::string("a;b 3\na 1\n"),
        std::string("# unit: nanoseconds\nmain;sleep 1500000000\nmain 20\n")}) {
    const auto original = read_folded_text(text);
    write_file(dir / "p.pb.gz", write_pprof(original.trie, kBase, original.info));
    write_file(dir / "p.pb", gunzip_file(dir / "p.pb.gz"));
    for (const auto* name : {"p.pb.gz", "p.pb"}) {
      const auto loaded = load_profile(dir / name);
      EXPECT_EQ(loaded.info.format, "pprof");
      EXPECT_EQ(write_folded(loaded.trie, kBase, loaded.info),
                write_folded(original.trie, kBase, original.info))
          << name << " from\n"
          << text;
    }
  }
}

TEST(PprofFormat, ProtocDecodesOurFileAsTheSpecSays) {
  TempDir dir;
  const auto original = read_folded_text(kFolded);
  write_file(dir / "p.pb.gz", write_pprof(original.trie, kBase, original.info));
  const auto profile = decode(dir / "p.pb.gz");

  const auto strings = profile.all("string_table");
  ASSERT_FALSE(strings.empty());
  EXPECT_EQ(strings[0], "");
  const auto string_at = [&](std::uint64_t index) {
    return index < strings.size() ? strings[index] : "<out of range>";
  };
  ASSERT_EQ(profile.children("sample_type").size(), 1u);
  EXPECT_EQ(string_at(profile.children("sample_type")[0]->number("type")), "cpu-clock");
  EXPECT_EQ(string_at(profile.children("sample_type")[0]->number("unit")), "count");

  std::map<std::uint64_t, std::string> function_names;
  for (const auto* function : profile.children("function")) {
    EXPECT_NE(function->number("id"), 0u);
    EXPECT_TRUE(
        function_names.emplace(function->number("id"), string_at(function->number("name"))).second);
  }
  std::set<std::uint64_t> mappings;
  for (const auto* mapping : profile.children("mapping")) mappings.insert(mapping->number("id"));
  EXPECT_FALSE(mappings.contains(0));
  std::map<std::uint64_t, std::string> location_names;
  for (const auto* location : profile.children("location")) {
    EXPECT_NE(location->number("id"), 0u);
    EXPECT_TRUE(mappings.contains(location->number("mapping_id")));
    ASSERT_EQ(location->children("line").size(), 1u);  // one frame name per location
    const auto function = location->children("line")[0]->number("function_id");
    ASSERT_TRUE(function_names.contains(function));
    EXPECT_TRUE(location_names.emplace(location->number("id"), function_names[function]).second);
  }
  EXPECT_EQ(location_names.size(), 5u);  // main (twice in the input), hash_rows, push_back, ...

  // Each sample's stack, read leaf first as the spec says, must be a stack of the input.
  Stacks stacks;
  std::uint64_t total = 0;
  for (const auto* sample : profile.children("sample")) {
    const auto ids = sample->all("location_id");
    std::string stack;
    for (auto id = ids.rbegin(); id != ids.rend(); ++id) {
      ASSERT_TRUE(location_names.contains(std::stoull(*id)));
      stack += (stack.empty() ? "" : ";") + location_names[std::stoull(*id)];
    }
    ASSERT_EQ(sample->all("value").size(), 1u);
    stacks[stack] += std::stoull(sample->all("value")[0]);
    total += std::stoull(sample->all("value")[0]);
  }
  EXPECT_EQ(total, 7u + 5 + 11 + 2 + 1);
  EXPECT_EQ(stacks, stacks_of(original.trie, kBase));
}

// A profile as another tool would write it, encoded by protoc: two sample types (Go's CPU
// layout), inlined functions, a mangled system name, kernel and unsymbolised frames.
const std::string kForeignProfile = R"pb(
  string_table: ""
  string_table: "samples"
  string_table: "count"
  string_table: "cpu"
  string_table: "nanoseconds"
  string_table: "/usr/bin/app"
  string_table: "[kernel.kallsyms]"
  string_table: "/lib/x86_64-linux-gnu/libc.so.6"
  string_table: "main"
  string_table: "work::outer"
  string_table: "inlined_inner"
  string_table: "_ZN3foo3barEv"
  string_table: "do_syscall_64"
  sample_type { type: 1 unit: 2 }
  sample_type { type: 3 unit: 4 }
  period_type { type: 3 unit: 4 }
  period: 10000000
  mapping { id: 1 filename: 5 has_functions: true }
  mapping { id: 2 filename: 6 has_functions: true }
  mapping { id: 3 filename: 7 }
  function { id: 1 name: 8 system_name: 8 }
  function { id: 2 name: 9 }
  function { id: 3 name: 10 }
  function { id: 4 system_name: 11 }
  function { id: 5 name: 12 }
  location {
    id: 10
    mapping_id: 1
    address: 0x1000
    line { function_id: 1 line: 5 }
  }
  location {
    id: 20
    mapping_id: 1
    address: 0x2000
    line { function_id: 3 line: 7 }
    line { function_id: 2 line: 30 }
  }
  location {
    id: 30
    mapping_id: 1
    line { function_id: 4 }
  }
  location {
    id: 40
    mapping_id: 2
    line { function_id: 5 }
  }
  location { id: 50 mapping_id: 3 address: 0x7777 }
  sample {
    location_id: [ 20, 10 ]
    value: [ 3, 30000000 ]
  }
  sample {
    location_id: [ 30, 20, 10 ]
    value: [ 2, 20000000 ]
  }
  sample {
    location_id: [ 40, 50, 10 ]
    value: [ 4, 40000000 ]
  }
  sample {
    location_id: [ 20, 10 ]
    value: [ 1, 10000000 ]
  }
  sample { value: [ 5, 50000000 ] }
  sample {
    location_id: [ 10 ]
    value: [ 0, 0 ]
  }
)pb";

TEST(PprofFormat, ImportsAProfileEncodedByProtoc) {
  TempDir dir;
  write_file(dir / "foreign.pb", protoc_encode_profile(kForeignProfile));
  write_file(dir / "foreign.pb.gz", gzip_file(dir / "foreign.pb"));
  const Stacks expected = {{"main;work::outer;inlined_inner", 4},
                           {"main;work::outer;inlined_inner;foo::bar()", 2},
                           {"main;[libc.so.6];do_syscall_64_[k]", 4},
                           {"[no callchain]", 5}};
  for (const auto* name : {"foreign.pb", "foreign.pb.gz"}) {
    const auto loaded = load_profile(dir / name);
    EXPECT_EQ(stacks_of(loaded.trie, kBase), expected) << name;
    EXPECT_EQ(loaded.info.event, "cpu");  // "samples" names no event: period_type does
    EXPECT_EQ(loaded.info.unit, kUnitSamples);
    EXPECT_EQ(loaded.info.samples, 15u);
    ASSERT_EQ(loaded.info.warnings.notes.size(), 1u);
    EXPECT_THAT(loaded.info.warnings.notes[0], HasSubstr("also has cpu"));
  }

  LoadOptions options;
  options.pprof.sample_type = "cpu";
  const auto cpu = load_profile(dir / "foreign.pb.gz", options);
  EXPECT_EQ(cpu.info.unit, kUnitNanoseconds);
  EXPECT_EQ(cpu.info.event, "cpu");
  EXPECT_EQ(stacks_of(cpu.trie, kBase),
            (Stacks{{"main;work::outer;inlined_inner", 40000000},
                    {"main;work::outer;inlined_inner;foo::bar()", 20000000},
                    {"main;[libc.so.6];do_syscall_64_[k]", 40000000},
                    {"[no callchain]", 50000000}}));

  options.pprof.sample_type = "wall";
  try {
    load_profile(dir / "foreign.pb.gz", options);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no sample type 'wall' (the file has: samples, cpu)"));
  }
}

// What a valid message needs around the part a test breaks.
std::string minimal_profile(const std::string& body) {
  return "string_table: \"\"\nstring_table: \"samples\"\nstring_table: \"count\"\n"
         "string_table: \"f\"\nsample_type { type: 1 unit: 2 }\n" +
         body;
}

TEST(PprofFormat, StructuralErrorsNameTheFileAndTheField) {
  const std::string valid_function = "function { id: 1 name: 3 }\n";
  const std::string valid_location = "location { id: 1 line { function_id: 1 } }\n";
  const std::map<std::string, std::string> cases = {
      {"string_table: \"x\"\nsample_type { type: 0 }\n", "string_table[0] must be \"\""},
      {"string_table: \"\"\n", "no sample_type"},
      {minimal_profile(valid_function + valid_location + "sample { location_id: 7 value: 1 }"),
       "refers to location 7, which is not defined"},
      {minimal_profile("function { id: 1 name: 99 }"), "function.name is string 99"},
      {minimal_profile(valid_function + "location { id: 0 line { function_id: 1 } }"),
       "location[0] has id 0"},
      {minimal_profile(valid_function + valid_location + valid_location), "repeats id 1"},
      {minimal_profile("location { id: 1 line { function_id: 4 } }"),
       "refers to function 4, which is not defined"},
      {minimal_profile("location { id: 1 mapping_id: 2 }"), "refers to mapping 2"},
      {minimal_profile(valid_function + valid_location + "sample { location_id: 1 value: -3 }"),
       "negative value"},
      {minimal_profile(valid_function + valid_location + "sample { location_id: 1 value: [1, 2] }"),
       "has 2 values for 1 sample types"},
  };
  TempDir dir;
  for (const auto& [text, why] : cases) {
    write_file(dir / "bad.pb", protoc_encode_profile(text));
    write_file(dir / "bad.pb.gz", gzip_file(dir / "bad.pb"));
    try {
      load_profile(dir / "bad.pb.gz");
      ADD_FAILURE() << "no InputError for\n" << text;
    } catch (const InputError& e) {
      EXPECT_THAT(e.what(), HasSubstr((dir / "bad.pb.gz").string())) << text;
      EXPECT_THAT(e.what(), HasSubstr(why)) << text;
    }
  }
}

TEST(PprofFormat, TruncatedAndGarbageFilesAreInputErrors) {
  TempDir dir;
  const auto original = read_folded_text(kFolded);
  const std::string gzipped = write_pprof(original.trie, kBase, original.info);
  write_file(dir / "p.pb.gz", gzipped);
  const std::string raw = gunzip_file(dir / "p.pb.gz");

  // Every prefix of the gzip stream lacks the trailer: always an error, never a crash.
  for (std::size_t size = 0; size < gzipped.size(); ++size) {
    FrameTrie trie;
    ProfileInfo info;
    EXPECT_THROW(
        read_pprof(std::string_view(gzipped).substr(0, size), "p.pb.gz", trie, kBase, {}, info),
        InputError)
        << size << " of " << gzipped.size() << " bytes";
  }
  // A prefix of the raw message may end between two fields and still be valid protobuf; then
  // it must load as a subset of the profile. Otherwise an InputError.
  std::size_t rejected = 0;
  for (std::size_t size = 0; size < raw.size(); ++size) {
    FrameTrie trie;
    ProfileInfo info;
    try {
      read_pprof(std::string_view(raw).substr(0, size), "p.pb", trie, kBase, {}, info);
      EXPECT_LE(info.samples, original.info.samples);
    } catch (const InputError&) {
      ++rejected;
    }
  }
  EXPECT_GT(rejected, raw.size() / 2);

  // Through the loader, which names the file.
  write_file(dir / "half.pb.gz", gzipped.substr(0, gzipped.size() / 2));
  write_file(dir / "half.pb", raw.substr(0, raw.size() / 2));
  write_file(dir / "garbage.gz",
             std::string("\x1f\x8b\x08\x00", 4) + "garbage that is not deflate");
  write_file(dir / "garbage.pb", std::string("\x0a\xff\xff\xff\xff\x0f\x01\x02\x03", 9));
  for (const auto* name : {"half.pb.gz", "half.pb", "garbage.gz", "garbage.pb"}) {
    try {
      load_profile(dir / name);
      ADD_FAILURE() << name << " loaded";
    } catch (const InputError& e) {
      EXPECT_THAT(e.what(), HasSubstr((dir / name).string()));
    }
  }
}

TEST(PprofFormat, DifferentSampleTypesAreNotComparable) {
  TempDir dir;
  auto clock = read_folded_text("# event: cpu-clock\nmain 5\n");
  auto cycles = read_folded_text("# event: cycles\nmain 5\n");
  write_file(dir / "clock.pb.gz", write_pprof(clock.trie, kBase, clock.info));
  write_file(dir / "cycles.pb.gz", write_pprof(cycles.trie, kBase, cycles.info));
  FrameTrie trie;
  const auto base = load_profile_into(dir / "clock.pb.gz", trie, kBase);
  const auto head = load_profile_into(dir / "cycles.pb.gz", trie, kHead);
  EXPECT_EQ(base.event, "cpu-clock");
  EXPECT_EQ(head.event, "cycles");
  EXPECT_THROW(require_comparable(base, head), InputError);
  EXPECT_NO_THROW(require_comparable(base, base));
}

TEST(PprofFormat, DetectionTellsProtobufFromText) {
  TempDir dir;
  const auto original = read_folded_text(kFolded);
  write_file(dir / "p.pb.gz", write_pprof(original.trie, kBase, original.info));
  EXPECT_TRUE(looks_like_pprof(gunzip_file(dir / "p.pb.gz")));
  EXPECT_FALSE(looks_like_pprof(kFolded));
  EXPECT_FALSE(looks_like_pprof("\nmain;f 3\n"));  // a folded file opening with a blank line
  EXPECT_FALSE(looks_like_pprof("2 frames;main 3\n"));
  EXPECT_FALSE(looks_like_pprof(""));
}

}  // namespace
}  // namespace benchgate::profile

namespace benchgate::profile {
namespace {

// One location of `lines` inlined lines, and `samples` samples that each repeat it `repeats`
// times: a small file whose stacks expand to samples x repeats x lines frames.
std::string amplified_profile(int lines, int repeats, int samples) {
  std::string location = "location { id: 1";
  for (int l = 0; l < lines; ++l) location += " line { function_id: 1 }";
  std::string ids;
  for (int r = 0; r < repeats; ++r) ids += r == 0 ? "1" : ", 1";
  std::string body = "function { id: 1 name: 3 }\n" + location + " }\n";
  for (int s = 0; s < samples; ++s) body += "sample { location_id: [" + ids + "] value: 1 }\n";
  return minimal_profile(body);
}

std::string load_error(const std::string& protobuf) {
  TempDir dir;
  write_file(dir / "amplified.pb", protobuf);
  try {
    load_profile(dir / "amplified.pb");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(PprofLimits, OneSampleDeeperThanAnyRealStackIsRefused) {
  const std::string protobuf = protoc_encode_profile(amplified_profile(300, 300, 1));
  ASSERT_LT(protobuf.size(), 4096u);  // 90,000 frames
  const std::string error = load_error(protobuf);
  EXPECT_THAT(error, HasSubstr("amplified.pb"));
  EXPECT_THAT(error, HasSubstr("sample[0] expands to more than 65536 frames"));
}

// 1,000 samples of 60,000 frames each from 66 KB: every sample is deep but allowed, together
// they stand for 60 million frames, far more than 16 per byte.
TEST(PprofLimits, SamplesExpandingFarBeyondTheFileAreRefused) {
  const std::string protobuf = protoc_encode_profile(amplified_profile(1000, 60, 1000));
  ASSERT_LT(protobuf.size(), 100'000u);
  const std::string error = load_error(protobuf);
  EXPECT_THAT(error, HasSubstr("its samples expand to more than"));
  EXPECT_THAT(error, HasSubstr("16 per byte"));
}

TEST(PprofLimits, DeepButProportionateStacksStillLoad) {
  const std::string protobuf = protoc_encode_profile(amplified_profile(4, 1000, 2));
  EXPECT_EQ(load_error(protobuf), "no error");
}

}  // namespace
}  // namespace benchgate::profile
