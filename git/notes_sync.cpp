#include "git/notes_sync.h"

#include <optional>
#include <vector>

#include <fmt/format.h>

#include "core/errors.h"
#include "git/libgit2/handles.h"
#include "git/libgit2/notes_merge.h"
#include "git/libgit2/notes_ref.h"
#include "git/libgit2/remote_auth.h"
#include "git/notes.h"
#include "git/repository.h"
#include "git/url_redaction.h"

namespace benchgate::git {
namespace {

struct Remote {
  std::string name;
  std::string url;                                 // as configured (may hold a token: never print)
  std::optional<std::filesystem::path> local_dir;  // set when the URL is a path on this machine
  RemotePtr handle;
};

std::optional<std::filesystem::path> local_path_of(const std::string& url, git_repository* repo) {
  std::string path = url;
  if (path.rfind("file://", 0) == 0) {
    path = path.substr(7);
  } else if (path.find("://") != std::string::npos) {
    return std::nullopt;
  } else if (std::size_t colon = path.find(':');
             colon != std::string::npos && path.find('/') > colon) {
    return std::nullopt;  // scp-like ssh address: host:path
  }
  std::filesystem::path dir(path);
  if (dir.is_relative())
    if (const char* workdir = git_repository_workdir(repo))
      dir = std::filesystem::path(workdir) / dir;
  return std::filesystem::is_directory(dir) ? std::optional(dir) : std::nullopt;
}

Remote open_remote(git_repository* repo, const std::string& name) {
  git_remote* handle = nullptr;
  if (git_remote_lookup(&handle, repo, name.c_str()) < 0)
    throw InputError(fmt::format("remote \"{}\": {}", name, last_git_error()));
  Remote remote{name, git_remote_url(handle) ? git_remote_url(handle) : "", std::nullopt,
                RemotePtr(handle)};
  remote.local_dir = local_path_of(remote.url, repo);
  return remote;
}

std::string where(const Remote& remote) {
  return fmt::format("remote \"{}\" ({})", remote.name, redact_url(remote.url));
}

[[noreturn]] void fail(const Remote& remote, const std::string& doing, const std::string& why) {
  throw EnvironmentError(fmt::format("{} {}: {}", doing, where(remote), redact_text(why)));
}

// The value of `ref` among the refs the remote advertised on its last connection.
std::optional<git_oid> advertised(git_remote* remote, const std::string& ref) {
  const git_remote_head** heads = nullptr;
  std::size_t count = 0;
  if (git_remote_ls(&heads, &count, remote) < 0) return std::nullopt;
  for (std::size_t i = 0; i < count; ++i)
    if (ref == heads[i]->name) return heads[i]->oid;
  return std::nullopt;
}

void copy_missing_objects(git_repository* from, git_repository* to, const git_oid& start);

// A repository on this machine is read directly: copying the few new objects is far cheaper than
// libgit2's local transport, which builds and indexes a pack file on every fetch.
std::optional<git_oid> fetch_from_local_directory(git_repository* repo, const Remote& remote,
                                                  const std::string& ref,
                                                  const std::string& tracking) {
  Repository source = Repository::open(*remote.local_dir, /*discover=*/false);
  git_oid tip;
  int error = git_reference_name_to_id(&tip, source.handle(), ref.c_str());
  if (error == GIT_ENOTFOUND) {
    git_error_clear();
    return std::nullopt;
  }
  if (error < 0) fail(remote, "reading " + ref + " of", last_git_error());
  copy_missing_objects(source.handle(), repo, tip);
  git_reference* out = nullptr;
  check(git_reference_create(&out, repo, tracking.c_str(), &tip, 1, "benchgate: fetch baselines"),
        "updating " + tracking);
  git_reference_free(out);
  return tip;
}

// Fetches the remote's `ref` into `tracking` and returns its value (nothing: the remote has no
// notes yet; a stale tracking ref is then deleted so nothing merges from it).
std::optional<git_oid> fetch_into_tracking(git_repository* repo, Remote& remote,
                                           const std::string& ref, const std::string& tracking) {
  if (remote.local_dir) {
    std::optional<git_oid> tip = fetch_from_local_directory(repo, remote, ref, tracking);
    if (tip) return tip;
  }
  RemoteSession session;
  session.headers = configured_http_headers(repo, remote.url);
  // The _init function, not the _INIT macro, whose partial initialiser clang warns about.
  git_fetch_options options;
  git_fetch_options_init(&options, GIT_FETCH_OPTIONS_VERSION);
  configure_callbacks(options.callbacks, session);
  options.custom_headers = session.custom_headers();
  options.proxy_opts = auto_proxy_options();
  options.update_fetchhead = 0;
  options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
  std::string spec = "+" + ref + ":" + tracking;
  char* specs[] = {spec.data()};
  git_strarray refspecs{specs, 1};
  if (git_remote_fetch(remote.handle.get(), &refspecs, &options, "benchgate: fetch baselines") < 0)
    fail(remote, "fetching " + ref + " from", last_git_error());
  std::optional<git_oid> tip = advertised(remote.handle.get(), ref);
  if (!tip) {
    git_reference* stale = nullptr;
    if (git_reference_lookup(&stale, repo, tracking.c_str()) == 0) {
      git_reference_delete(stale);
      git_reference_free(stale);
    }
    git_error_clear();
  }
  return tip;
}

std::size_t merge_into_local(git_repository* repo, const std::string& ref, const git_oid& theirs_id,
                             const std::string& what, const NotesPolicy& policy) {
  SignaturePtr signature = default_signature(repo);
  CommitPtr theirs = lookup_commit(repo, theirs_id);
  std::size_t changed = 0;
  update_notes_ref(
      repo, ref,
      [&](git_commit* tip) {
        NotesMergeResult merged =
            merge_notes(repo, tip, theirs.get(), signature.get(), what, policy);
        changed = merged.notes_changed;
        return merged.commit;
      },
      "benchgate: merge baselines from " + what, policy);
  return changed;
}

// Copies every object reachable from `start` that `to` lacks. An object the target already has
// implies it has everything below it (a repository is closed under reachability).
void copy_missing_objects(git_repository* from, git_repository* to, const git_oid& start) {
  git_odb *source = nullptr, *target = nullptr;
  check(git_repository_odb(&source, from), "opening the object database");
  GitPtr<git_odb, git_odb_free> owned_source(source);
  check(git_repository_odb(&target, to), "opening the remote's object database");
  GitPtr<git_odb, git_odb_free> owned_target(target);
  std::vector<git_oid> pending{start};
  while (!pending.empty()) {
    git_oid id = pending.back();
    pending.pop_back();
    if (git_odb_exists(target, &id)) continue;
    git_odb_object* object = nullptr;
    check(git_odb_read(&object, source, &id), "reading " + to_hex(id));
    GitPtr<git_odb_object, git_odb_object_free> owned(object);
    git_oid written;
    check(git_odb_write(&written, target, git_odb_object_data(object), git_odb_object_size(object),
                        git_odb_object_type(object)),
          "writing to the remote");
    if (git_odb_object_type(object) == GIT_OBJECT_COMMIT) {
      CommitPtr commit = lookup_commit(from, id);
      pending.push_back(*git_commit_tree_id(commit.get()));
      for (unsigned i = 0; i < git_commit_parentcount(commit.get()); ++i)
        pending.push_back(*git_commit_parent_id(commit.get(), i));
    } else if (git_odb_object_type(object) == GIT_OBJECT_TREE) {
      git_tree* tree = nullptr;
      check(git_tree_lookup(&tree, from, &id), "reading a tree");
      TreePtr owned_tree(tree);
      for (std::size_t i = 0; i < git_tree_entrycount(tree); ++i)
        pending.push_back(*git_tree_entry_id(git_tree_entry_byindex(tree, i)));
    }
  }
}

// Push to a repository on this machine: objects first, then a compare-and-swap of its ref.
// Returns false when the remote's ref moved since we fetched it.
bool push_to_local_directory(git_repository* repo, const Remote& remote, const std::string& ref,
                             const git_oid& local_tip, const std::optional<git_oid>& remote_tip) {
  Repository target = Repository::open(*remote.local_dir, /*discover=*/false);
  copy_missing_objects(repo, target.handle(), local_tip);
  git_reference* out = nullptr;
  int error = remote_tip
                  ? git_reference_create_matching(&out, target.handle(), ref.c_str(), &local_tip, 1,
                                                  &*remote_tip, "benchgate: push baselines")
                  : git_reference_create(&out, target.handle(), ref.c_str(), &local_tip, 0,
                                         "benchgate: push baselines");
  git_reference_free(out);
  if (error == GIT_EMODIFIED || error == GIT_EEXISTS || error == GIT_ELOCKED) {
    git_error_clear();
    return false;
  }
  if (error < 0) fail(remote, "pushing " + ref + " to", last_git_error());
  return true;
}

// What the remote's `ref` is right now (a fresh connection).
std::optional<git_oid> current_remote_tip(git_repository* repo, Remote& remote,
                                          const std::string& ref) {
  RemoteSession session;
  session.headers = configured_http_headers(repo, remote.url);
  git_remote_callbacks callbacks;
  git_remote_init_callbacks(&callbacks, GIT_REMOTE_CALLBACKS_VERSION);
  configure_callbacks(callbacks, session);
  git_strarray headers = session.custom_headers();
  const git_proxy_options proxy = auto_proxy_options();
  if (git_remote_connect(remote.handle.get(), GIT_DIRECTION_FETCH, &callbacks, &proxy, &headers) <
      0)
    fail(remote, "connecting to", last_git_error());
  std::optional<git_oid> tip = advertised(remote.handle.get(), ref);
  git_remote_disconnect(remote.handle.get());
  return tip;
}

std::filesystem::path remote_guard(const std::filesystem::path& dir) {
  return Repository::open(dir, /*discover=*/false).common_dir() / "benchgate-push.flock";
}

bool same_tip(const std::optional<git_oid>& a, const std::optional<git_oid>& b) {
  if (!a || !b) return !a && !b;
  return git_oid_equal(&*a, &*b);
}

// Push over a transport (https, ssh, git). The server checks that the ref did not move (it is a
// non-forced update); libgit2 reports each ref's fate through push_update_reference.
bool push_over_transport(git_repository* repo, Remote& remote, const std::string& ref,
                         const std::optional<git_oid>& remote_tip) {
  RemoteSession session;
  session.headers = configured_http_headers(repo, remote.url);
  git_push_options options;
  git_push_options_init(&options, GIT_PUSH_OPTIONS_VERSION);
  configure_callbacks(options.callbacks, session);
  options.custom_headers = session.custom_headers();
  options.proxy_opts = auto_proxy_options();
  std::string spec = ref + ":" + ref;
  char* specs[] = {spec.data()};
  git_strarray refspecs{specs, 1};
  int error = git_remote_push(remote.handle.get(), &refspecs, &options);
  if (error == 0 && session.rejected.empty()) return true;
  std::string why = error < 0 ? last_git_error() : "";
  for (const auto& [name, message] : session.rejected)
    why += fmt::format("{}{} rejected by the server: {}", why.empty() ? "" : "; ", name, message);
  if (!session.server_messages.empty()) why += "; the server said: " + session.server_messages;
  while (!why.empty() && (why.back() == '\n' || why.back() == '\r')) why.pop_back();
  // Lost a race (someone pushed since we fetched): the caller starts over. Anything else — a hook,
  // missing permissions, a protected ref — is final and must be loud.
  if (!same_tip(current_remote_tip(repo, remote, ref), remote_tip)) return false;
  fail(remote, "pushing " + ref + " to", why);
}

}  // namespace

std::string tracking_ref(const std::string& ref, const std::string& remote) {
  return ref + "-remote/" + remote;
}

namespace {

SyncReport new_report(const Remote& remote, const SyncOptions& options) {
  SyncReport report;
  report.remote_url = redact_url(remote.url);
  report.tracking_ref = tracking_ref(options.ref, options.remote);
  return report;
}

// Fetches the remote's notes into the tracking ref and merges them into ours; the remote's tip,
// or nothing when it has no notes yet.
std::optional<git_oid> fetch_and_merge(git_repository* repo, Remote& remote,
                                       const SyncOptions& options, const NotesPolicy& policy,
                                       SyncReport& report) {
  std::optional<git_oid> remote_tip =
      fetch_into_tracking(repo, remote, options.ref, report.tracking_ref);
  report.remote_has_notes = remote_tip.has_value();
  if (remote_tip)
    report.notes_merged += merge_into_local(repo, options.ref, *remote_tip, options.remote, policy);
  return remote_tip;
}

}  // namespace

SyncReport fetch_notes(const SyncOptions& options, const NotesPolicy& policy) {
  Repository repository = Repository::open(options.repo);
  git_repository* repo = repository.handle();
  Remote remote = open_remote(repo, options.remote);
  SyncReport report = new_report(remote, options);
  report.attempts = 1;
  fetch_and_merge(repo, remote, options, policy, report);
  if (CommitPtr tip = commit_of_reference(repo, options.ref))
    report.local_tip = to_hex(*git_commit_id(tip.get()));
  return report;
}

SyncReport push_notes(const SyncOptions& options, const NotesPolicy& policy) {
  Repository repository = Repository::open(options.repo);
  git_repository* repo = repository.handle();
  Remote remote = open_remote(repo, options.remote);
  SyncReport report = new_report(remote, options);
  for (report.attempts = 1; report.attempts <= options.max_attempts; ++report.attempts) {
    // Pushers to a repository on this machine take turns (the kernel drops the lock if one dies):
    // without it, eight concurrent pushers starve each other's compare-and-swap. Remote servers
    // are not ours to lock; there the retry loop below does the work.
    std::shared_ptr<void> turn;
    if (remote.local_dir) turn = policy.take_turn(remote_guard(*remote.local_dir));
    const std::optional<git_oid> remote_tip =
        fetch_and_merge(repo, remote, options, policy, report);
    CommitPtr local = commit_of_reference(repo, options.ref);
    if (!local) return report;  // nothing recorded anywhere: nothing to push
    const git_oid local_tip = *git_commit_id(local.get());
    report.local_tip = to_hex(local_tip);
    if (remote_tip && git_oid_equal(&local_tip, &*remote_tip)) return report;  // already in sync
    bool pushed = remote.local_dir
                      ? push_to_local_directory(repo, remote, options.ref, local_tip, remote_tip)
                      : push_over_transport(repo, remote, options.ref, remote_tip);
    if (pushed) {
      report.pushed = true;
      return report;
    }
    sleep_with_jitter(report.attempts);
  }
  throw EnvironmentError(fmt::format(
      "pushing {} to {}: gave up after {} attempts; other pushers kept moving the remote's ref",
      options.ref, where(remote), options.max_attempts));
}

}  // namespace benchgate::git
