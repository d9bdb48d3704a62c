// Git's rule for `<ref>.lock`: whoever holds it owns the ref until it renames or removes it, and
// nobody takes it away because it is old. benchgate waits for a live writer's lock (the writer
// completes), and refuses after a bound with an error naming the lock and the way out.
#include <chrono>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "store/git_notes_store.h"
#include "tests/store/git_fixture.h"
#include "tests/store/repo_with_one_record.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {
namespace {
using ::testing::HasSubstr;

// A plain-git writer holds the lock for 2.5 s (longer than the 1 s after which benchgate used to
// delete it), then renames it over the ref as git does; its rename must succeed.
TEST(RefLock, ALiveWritersLockIsNeverDeletedAndTheWriterCompletes) {
  TempDir dir;
  const RepoWithOneRecord setup(dir);
  write_file(setup.ref_lock(), setup.tip + "\n");
  BackgroundProcess writer(
      {"/bin/sh", "-c", "sleep 2.5 && mv \"$0\" \"${0%.lock}\"", setup.ref_lock().string()});
  const auto start = std::chrono::steady_clock::now();
  store::GitNotesStore(setup.repo).save(setup.commit_id, {make_record("ci", "after")});
  EXPECT_GT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_EQ(writer.wait(), 0) << "the writer's lock was taken away";
  EXPECT_EQ(store::GitNotesStore(setup.repo).load(setup.commit_id).records.size(), 2u);
}

// A lock nobody releases and no dead benchgate writer left: exit 3 after the bound, naming it.
TEST(RefLock, ALockNobodyReleasesIsRefusedNamingItAndItIsKept) {
  TempDir dir;
  const RepoWithOneRecord setup(dir);
  write_file(setup.ref_lock(), setup.tip + "\n");
  auto file = write_record(dir / "r.json", make_record("ci", "after"));
  ProcessResult save = run_benchgate(
      {"baseline", "save", "--commit", setup.commit_id, file.string()}, in_dir(setup.repo));
  EXPECT_EQ(save.exit_code, 3);
  EXPECT_THAT(save.err, HasSubstr("benchgate: error: " + setup.ref_lock().string() +
                                  ": held by another process for more than 5 s"));
  EXPECT_THAT(save.err, HasSubstr("rm '" + setup.ref_lock().string() + "'"));
  EXPECT_TRUE(std::filesystem::exists(setup.ref_lock()));
  EXPECT_EQ(rev_parse(setup.repo, "refs/notes/benchgate"), setup.tip);
}

}  // namespace
}  // namespace benchgate::testing
