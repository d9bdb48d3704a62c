// Installing and removing the hook as a library call, in real repositories: our hook is updated,
// a foreign one is kept unless forced and then set aside, and uninstall puts it back.
#include "prepush/hook_install.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "prepush/hook_script.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::prepush {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class HookInstallUnit : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = dir_ / "repo";
    testing::init_repo(repo_);
    settings_.repo = repo_;
    settings_.benchgate = "/usr/local/bin/benchgate";
    settings_.budget_seconds = 90;
  }
  fs::path hook() const { return repo_ / ".git" / "hooks" / "pre-push"; }

  testing::TempDir dir_;
  fs::path repo_;
  HookInstallSettings settings_;
};

TEST_F(HookInstallUnit, WritesAnExecutableHookThatCarriesTheBudgetAndIsOurs) {
  const HookChange first = install_hook(settings_);
  EXPECT_FALSE(first.existed);
  EXPECT_EQ(fs::canonical(first.hook), fs::canonical(hook()));
  const std::string script = testing::read_file(hook());
  EXPECT_TRUE(is_benchgate_hook(script));
  EXPECT_THAT(script, HasSubstr("--budget"));
  EXPECT_THAT(script, HasSubstr("90s"));
  EXPECT_NE(fs::status(hook()).permissions() & fs::perms::owner_exec, fs::perms::none);
  EXPECT_TRUE(install_hook(settings_).existed);  // the second install updates our own hook
}

TEST_F(HookInstallUnit, AForeignHookIsKeptUnlessForcedAndComesBackOnUninstall) {
  fs::create_directories(hook().parent_path());
  testing::write_file(hook(), "#!/bin/sh\nexec husky\n");
  EXPECT_THROW(install_hook(settings_), InputError);
  EXPECT_EQ(testing::read_file(hook()), "#!/bin/sh\nexec husky\n");

  settings_.force = true;
  const HookChange forced = install_hook(settings_);
  ASSERT_TRUE(forced.kept_as.has_value());
  EXPECT_EQ(testing::read_file(*forced.kept_as), "#!/bin/sh\nexec husky\n");
  EXPECT_TRUE(is_benchgate_hook(testing::read_file(hook())));

  const HookChange removed = uninstall_hook(repo_);
  EXPECT_TRUE(removed.existed);
  ASSERT_TRUE(removed.restored_from.has_value());
  EXPECT_EQ(testing::read_file(hook()), "#!/bin/sh\nexec husky\n");
  EXPECT_THROW(uninstall_hook(repo_), InputError);  // not ours: left alone
}

TEST_F(HookInstallUnit, UninstallWithoutAHookChangesNothing) {
  const HookChange none = uninstall_hook(repo_);
  EXPECT_FALSE(none.existed);
  EXPECT_FALSE(fs::exists(hook()));
}

TEST_F(HookInstallUnit, CoreHooksPathIsWhereTheHookGoes) {
  testing::git(repo_, {"config", "core.hooksPath", ".githooks"});
  const HookChange change = install_hook(settings_);
  EXPECT_TRUE(change.from_hooks_path);
  EXPECT_TRUE(fs::exists(repo_ / ".githooks" / "pre-push"));
}

}  // namespace
}  // namespace benchgate::prepush
