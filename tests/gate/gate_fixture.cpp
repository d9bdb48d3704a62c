#include "tests/gate/gate_fixture.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "tests/support/gbench_json.h"

namespace benchgate::testing {
namespace fs = std::filesystem;

namespace {

ProcessOptions git_options(const fs::path& dir) {
  ProcessOptions options;
  options.cwd = dir;
  options.env = {{"GIT_AUTHOR_NAME", "Test"},
                 {"GIT_AUTHOR_EMAIL", "test@example.com"},
                 {"GIT_COMMITTER_NAME", "Test"},
                 {"GIT_COMMITTER_EMAIL", "test@example.com"},
                 {"GIT_CONFIG_NOSYSTEM", "1"}};
  options.unset_env = {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"};
  return options;
}

}  // namespace

std::string git(const fs::path& dir, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult r = run_process(argv, git_options(dir));
  if (r.exit_code != 0) {
    std::string command;
    for (const auto& a : argv) command += a + " ";
    throw std::runtime_error(command + "failed: " + r.err);
  }
  while (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
  return r.out;
}

GitFixture::GitFixture(const fs::path& root)
    : root_(root), remote_(root / "remote.git"), work_(root / "work") {
  git(root_, {"init", "-q", "--bare", "-b", "main", remote_.string()});
  git(root_, {"init", "-q", "-b", "main", work_.string()});
  git(work_, {"remote", "add", "origin", remote_.string()});
  commit("initial");
  git(work_, {"push", "-q", "-u", "origin", "main"});
}

std::string GitFixture::commit(const std::string& message, const fs::path& repo) {
  const fs::path dir = repo.empty() ? work_ : repo;
  git(dir, {"commit", "-q", "--allow-empty", "-m", message});
  return git(dir, {"rev-parse", "HEAD"});
}

fs::path GitFixture::clone(const std::string& name) {
  git(root_, {"clone", "-q", remote_.string(), (root_ / name).string()});
  return root_ / name;
}

std::string GitFixture::remote_note(const std::string& commit) const {
  ProcessResult r = run_process(
      {"git", "--git-dir", remote_.string(), "notes", "--ref", "benchgate", "show", commit},
      git_options(root_));
  return r.exit_code == 0 ? r.out : "";
}

fs::path write_results(const fs::path& dir, double work_ns, int processes) {
  fs::create_directories(dir);
  for (int p = 0; p < processes; ++p) {
    // A fixed, symmetric spread of ±1% between processes and ±0.5% within one.
    const double process_factor = 1.0 + 0.005 * ((p % 5) - 2);
    nlohmann::json benchmarks = nlohmann::json::array();
    for (const auto& [name, center] : {std::pair<std::string, double>{"BM_Steady", 1000.0},
                                       std::pair<std::string, double>{"BM_Work", work_ns}})
      for (int r = 0; r < 3; ++r) {
        const double t = center * process_factor * (1.0 + 0.005 * (r - 1));
        benchmarks.push_back(gbench_repetition(name, r, 3, t));
      }
    nlohmann::json document = {
        {"context", {{"date", "2024-01-01T00:00:00+00:00"}, {"num_cpus", 2}}},
        {"benchmarks", benchmarks}};
    write_file(dir / ("process" + std::to_string(p) + ".json"), document.dump(2));
  }
  return dir;
}

nlohmann::json pull_request_payload(long long number, const std::string& head_sha,
                                    const std::string& base_sha, const std::string& head_repo,
                                    const std::string& base_repo) {
  return {{"action", "synchronize"},
          {"number", number},
          {"pull_request",
           {{"number", number},
            {"head", {{"sha", head_sha}, {"ref", "feature"}, {"repo", {{"full_name", head_repo}}}}},
            {"base", {{"sha", base_sha}, {"ref", "main"}, {"repo", {{"full_name", base_repo}}}}}}},
          {"repository", {{"full_name", base_repo}, {"default_branch", "main"}}}};
}

nlohmann::json push_payload(const std::string& ref, const std::string& before,
                            const std::string& after, const std::string& default_branch) {
  return {{"ref", ref},
          {"before", before},
          {"after", after},
          {"repository", {{"full_name", "octo/widgets"}, {"default_branch", default_branch}}}};
}

std::vector<std::string> ci_variables() {
  return {"GITHUB_ACTIONS",
          "GITHUB_TOKEN",
          "GITHUB_EVENT_NAME",
          "GITHUB_EVENT_PATH",
          "GITHUB_API_URL",
          "GITHUB_REPOSITORY",
          "GITHUB_SHA",
          "GITHUB_REF",
          "GITHUB_STEP_SUMMARY",
          "GITLAB_CI",
          "CI_API_V4_URL",
          "CI_PROJECT_ID",
          "CI_COMMIT_SHA",
          "CI_COMMIT_BRANCH",
          "CI_DEFAULT_BRANCH",
          "CI_MERGE_REQUEST_IID",
          "CI_MERGE_REQUEST_DIFF_BASE_SHA",
          "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA",
          "CI_MERGE_REQUEST_PROJECT_ID",
          "CI_MERGE_REQUEST_SOURCE_PROJECT_ID",
          "CI_JOB_TOKEN",
          "BENCHGATE_GITLAB_TOKEN",
          "BENCHGATE_GIT_TOKEN"};
}

ProcessOptions github_job(const std::string& api_base, const std::string& repository,
                          const std::string& event_name, const nlohmann::json& payload,
                          const fs::path& event_file, const std::string& token,
                          const fs::path& cwd) {
  write_file(event_file, payload.dump(2));
  ProcessOptions options;
  options.cwd = cwd;
  options.unset_env = ci_variables();
  options.env = {{"GITHUB_ACTIONS", "true"},
                 {"GITHUB_API_URL", api_base},
                 {"GITHUB_REPOSITORY", repository},
                 {"GITHUB_EVENT_NAME", event_name},
                 {"GITHUB_EVENT_PATH", event_file.string()},
                 {"GITHUB_SHA", std::string(40, 'e')},  // a merge commit that must not be used
                 {"NO_COLOR", "1"}};
  if (!token.empty()) options.env["GITHUB_TOKEN"] = token;
  options.timeout_seconds = 60;
  return options;
}

std::string all_file_contents(const fs::path& dir) {
  std::string text;
  if (!fs::exists(dir)) return text;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) text += read_file(entry.path());
  return text;
}

}  // namespace benchgate::testing
