#include "store/directory_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::store {
namespace {
using testing::make_record;

TEST(DirectoryStore, OneFilePerKeyWithOneLinePerRecord) {
  testing::TempDir dir;
  DirectoryStore store(dir / "baselines");
  store.save("v1.0", {make_record("ci", "a"), make_record("ci", "b")});
  store.save("v1.0", {make_record("ci", "a")});
  std::string text = testing::read_file(dir / "baselines" / "v1.0.jsonl");
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
  EXPECT_EQ(store.load("v1.0", std::string("ci")).records.size(), 2u);
  EXPECT_EQ(store.annotated_commits(), std::vector<std::string>{"v1.0"});
  EXPECT_THROW(store.save("../escape", {make_record("ci", "a")}), InputError);
  EXPECT_THROW(store.save(".hidden", {make_record("ci", "a")}), InputError);
}

TEST(DirectoryStore, LeftoverLockOfACrashedWriterDoesNotBlockTheNextSave) {
  testing::TempDir dir;
  DirectoryStore store(dir.path());
  store.save("k", {make_record("ci", "a")});
  testing::write_file(dir / "k.jsonl.lock", "half a record");  // a writer died here
  store.save("k", {make_record("ci", "b")});
  EXPECT_EQ(store.load("k").records.size(), 2u);
  EXPECT_FALSE(std::filesystem::exists(dir / "k.jsonl.lock"));
}

TEST(DirectoryStore, PruneUsesNewestRecordTimeWithoutGit) {
  testing::TempDir dir;
  DirectoryStore store(dir.path());
  RunRecord old_run = make_record("ci", "old"), new_run = make_record("ci", "new");
  old_run.created_at = "2023-01-01T00:00:00Z";
  new_run.created_at = "2025-01-01T00:00:00Z";
  store.save("old", {old_run});
  store.save("new", {new_run});
  EXPECT_EQ(store.prune(1), std::vector<std::string>{"old"});
  EXPECT_FALSE(std::filesystem::exists(dir / "old.jsonl"));
}

}  // namespace
}  // namespace benchgate::store
