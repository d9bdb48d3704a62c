// The profile store (store/profile_store.h): profiles round-trip byte for byte per (commit,
// testbed, suite, benchmark), concurrent writers keep each other's profiles, and fetching
// baselines downloads no profile — neither the ref nor its objects.
#include "store/profile_store.h"

#include <algorithm>
#include <thread>

#include <fmt/format.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "store/base64.h"
#include "store/git_notes_store.h"
#include "store/notes_sync.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::store {
namespace {
using testing::git;
using ::testing::HasSubstr;

// Bytes of every value 0..255 (and a newline) so that the line layer must not see them raw.
std::string binary_payload(const std::string& tag) {
  std::string bytes = tag + "\n";
  for (int i = 0; i < 512; ++i) bytes += static_cast<char>(i % 256);
  return bytes;
}

StoredProfile make_profile(const std::string& testbed, const std::string& suite,
                           const std::string& benchmark, const std::string& tag) {
  StoredProfile p;
  p.testbed = testbed;
  p.suite = suite;
  p.benchmark = benchmark;
  p.encoding = "test";
  p.data = binary_payload(tag);
  p.size = p.data.size() * 2;
  return p;
}

class ProfileStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::init_repo(repo_);
    commit_ = testing::commit(repo_, "measured");
  }
  testing::TempDir dir_;
  std::filesystem::path repo_ = dir_ / "repo";
  std::string commit_;
};

TEST(Base64, MatchesRfc4648TestVectorsAndRefusesMalformedText) {
  // RFC 4648 §10.
  const std::pair<std::string, std::string> vectors[] = {{"", ""},
                                                         {"f", "Zg=="},
                                                         {"fo", "Zm8="},
                                                         {"foo", "Zm9v"},
                                                         {"foob", "Zm9vYg=="},
                                                         {"fooba", "Zm9vYmE="},
                                                         {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(base64_encode(plain), encoded);
    EXPECT_EQ(base64_decode(encoded), plain);
  }
  const std::string bytes = binary_payload("x");
  EXPECT_EQ(base64_decode(base64_encode(bytes)), bytes);
  for (const char* bad : {"Zg=", "Z===", "Zm9v!A==", "Zg==Zg==", "Zm=v"})
    EXPECT_EQ(base64_decode(bad), std::nullopt) << bad;
}

TEST_F(ProfileStoreTest, ProfilesRoundTripPerKeyUnderTheirOwnRef) {
  ProfileStore store(std::make_unique<GitNotesStore>(repo_, kProfileNotesRef));
  store.save(commit_,
             {make_profile("tb", "core", "BM_A", "a"), make_profile("tb", "core", "BM_B", "b"),
              make_profile("other", "core", "BM_A", "a-other")});
  const auto a = store.load(commit_, "tb", "core", "BM_A");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->data, binary_payload("a"));
  EXPECT_EQ(a->encoding, "test");
  EXPECT_EQ(a->size, binary_payload("a").size() * 2);
  EXPECT_FALSE(a->created_at.empty());
  EXPECT_EQ(store.load(commit_, "other", "core", "BM_A")->data, binary_payload("a-other"));
  EXPECT_EQ(store.load(commit_, "tb", "core", "BM_C"), std::nullopt);
  EXPECT_EQ(store.load(commit_, "tb", "io", "BM_A"), std::nullopt);
  // git sees one JSON line per profile, under refs/notes/benchgate-profiles only.
  const std::string note = git(repo_, {"notes", "--ref", "benchgate-profiles", "show", commit_});
  EXPECT_EQ(std::count(note.begin(), note.end(), '\n'), 2) << note;  // 3 lines, last unterminated
  EXPECT_THAT(note, HasSubstr("\"benchmark\":\"BM_B\""));
  EXPECT_FALSE(GitNotesStore(repo_).load(commit_).found) << "nothing under the baselines ref";
}

TEST_F(ProfileStoreTest, TheNewestProfileOfAKeyWinsAndBadLinesAreReportedNotFatal) {
  ProfileStore store(std::make_unique<GitNotesStore>(repo_, kProfileNotesRef));
  auto old = make_profile("tb", "core", "BM_A", "old");
  old.created_at = "2024-01-01T00:00:00Z";
  auto fresh = make_profile("tb", "core", "BM_A", "new");
  fresh.created_at = "2024-06-01T00:00:00Z";
  store.save(commit_, {fresh});
  store.save(commit_, {old});  // saved later, but measured earlier
  EXPECT_EQ(store.load(commit_, "tb", "core", "BM_A")->data, binary_payload("new"));
  git(repo_, {"notes", "--ref", "benchgate-profiles", "append", "-m", "{not json", commit_});
  const auto entries = store.load_all(commit_);
  EXPECT_EQ(entries.profiles.size(), 2u);
  ASSERT_EQ(entries.problems.size(), 1u);
  EXPECT_THAT(entries.problems[0].describe(), HasSubstr("commit " + commit_));
  EXPECT_THROW(store.save(commit_, {make_profile("", "core", "BM_A", "x")}), InputError);
}

TEST_F(ProfileStoreTest, ConcurrentWritersBothSurvive) {
  // Eight writers, each with its own repository handle, save to the same commit at once: the
  // compare-and-swap publish and the line merge must keep every profile.
  constexpr int kWriters = 8;
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w)
    writers.emplace_back([&, w] {
      ProfileStore store(std::make_unique<GitNotesStore>(repo_, kProfileNotesRef));
      for (int k = 0; k < 3; ++k)
        store.save(commit_, {make_profile("tb", "core", fmt::format("BM_{}_{}", w, k),
                                          fmt::format("{}-{}", w, k))});
    });
  for (auto& t : writers) t.join();
  ProfileStore store(std::make_unique<GitNotesStore>(repo_, kProfileNotesRef));
  EXPECT_EQ(store.load_all(commit_).profiles.size(), 3u * kWriters);
  for (int w = 0; w < kWriters; ++w)
    for (int k = 0; k < 3; ++k)
      EXPECT_EQ(store.load(commit_, "tb", "core", fmt::format("BM_{}_{}", w, k))->data,
                binary_payload(fmt::format("{}-{}", w, k)));
}

TEST_F(ProfileStoreTest, StoreSpellingsFollowTheBaselineStore) {
  EXPECT_EQ(profile_store_spec("git"), "git:refs/notes/benchgate-profiles");
  EXPECT_EQ(profile_store_spec("git:refs/notes/perf"), "git:refs/notes/perf-profiles");
  EXPECT_EQ(profile_store_spec("dir:/tmp/x"), "dir:/tmp/x/profiles");
  auto in_dir = open_profile_store("dir:" + (dir_ / "plain").string(), repo_);
  in_dir->save("c1", {make_profile("tb", "core", "BM_A", "d")});
  EXPECT_EQ(in_dir->load("c1", "tb", "core", "BM_A")->data, binary_payload("d"));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "plain" / "profiles" / "c1.jsonl"));
}

TEST(ProfileFetch, FetchingBaselinesDownloadsNoProfile) {
  testing::TempDir dir;
  const auto seed = dir / "seed", origin = dir / "origin.git", clone = dir / "clone";
  testing::init_repo(seed);
  const std::string commit = testing::commit(seed, "measured");
  GitNotesStore(seed).save(commit, {testing::make_record("tb", "base")});
  ProfileStore(std::make_unique<GitNotesStore>(seed, kProfileNotesRef))
      .save(commit, {make_profile("tb", "core", "BM_A", "remote-only")});
  const std::string profile_note_blob =
      git(seed, {"rev-parse", std::string(kProfileNotesRef) + ":" + commit});
  git(dir.path(), {"clone", "-q", "--bare", seed.string(), origin.string()});
  // --bare clones copy refs/heads and tags only: give the remote both notes refs.
  git(seed, {"push", "-q", origin.string(), "refs/notes/*:refs/notes/*"});
  // --no-local: a local clone would hard-link every object of origin, reachable or not.
  git(dir.path(), {"clone", "-q", "--no-local", origin.string(), clone.string()});
  ASSERT_NE(testing::try_git(clone, {"cat-file", "-e", profile_note_blob}).exit_code, 0);

  SyncOptions options;
  options.repo = clone;
  fetch_notes(options);  // the baselines, as `baseline fetch` and the gate do
  EXPECT_TRUE(GitNotesStore(clone).load(commit).found);
  const std::string refs = git(clone, {"for-each-ref", "--format=%(refname)", "refs/notes/"});
  EXPECT_THAT(refs, HasSubstr("refs/notes/benchgate\n"));
  EXPECT_THAT(refs, ::testing::Not(HasSubstr("profiles"))) << refs;
  EXPECT_NE(testing::try_git(clone, {"cat-file", "-e", profile_note_blob}).exit_code, 0)
      << "the profile's note blob was downloaded with the baselines";

  // Fetched on purpose, the profiles arrive.
  options.ref = kProfileNotesRef;
  fetch_notes(options);
  ProfileStore profiles(std::make_unique<GitNotesStore>(clone, kProfileNotesRef));
  EXPECT_EQ(profiles.load(commit, "tb", "core", "BM_A")->data, binary_payload("remote-only"));
}

}  // namespace
}  // namespace benchgate::store
