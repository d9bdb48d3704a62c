#include "git/libgit2/notes_fanout.h"

#include <map>
#include <string>
#include <vector>

#include "git/libgit2/handles.h"
#include "git/revision.h"

namespace benchgate::git {
namespace {

bool is_flat_note(const git_tree_entry* entry) {
  return git_tree_entry_type(entry) == GIT_OBJECT_BLOB &&
         is_full_hex_oid(git_tree_entry_name(entry));
}

// Writes the subtree `prefix` of `top`, extended by the flat notes that belong in it.
git_oid write_subtree(git_repository* repo, const git_tree* top, const std::string& prefix,
                      const std::vector<const git_tree_entry*>& moved) {
  git_tree* existing = nullptr;
  if (const git_tree_entry* entry = git_tree_entry_byname(top, prefix.c_str());
      entry && git_tree_entry_type(entry) == GIT_OBJECT_TREE)
    check(git_tree_lookup(&existing, repo, git_tree_entry_id(entry)), "reading notes subtree");
  TreePtr owned_existing(existing);
  git_treebuilder* builder = nullptr;
  check(git_treebuilder_new(&builder, repo, existing), "fanning out notes");
  TreeBuilderPtr owned_builder(builder);
  for (const git_tree_entry* entry : moved) {
    std::string rest = std::string(git_tree_entry_name(entry)).substr(2);
    check(git_treebuilder_insert(nullptr, builder, rest.c_str(), git_tree_entry_id(entry),
                                 git_tree_entry_filemode(entry)),
          "fanning out notes");
  }
  git_oid id;
  check(git_treebuilder_write(&id, builder), "writing notes subtree");
  return id;
}

}  // namespace

std::optional<git_oid> fan_out_if_needed(git_repository* repo, git_commit* notes_commit,
                                         const git_signature* signature) {
  git_tree* top = nullptr;
  check(git_commit_tree(&top, notes_commit), "reading notes tree");
  TreePtr owned_top(top);
  std::map<std::string, std::vector<const git_tree_entry*>> by_prefix;
  std::size_t flat = 0;
  for (std::size_t i = 0; i < git_tree_entrycount(top); ++i) {
    const git_tree_entry* entry = git_tree_entry_byindex(top, i);
    if (!is_flat_note(entry)) continue;
    by_prefix[std::string(git_tree_entry_name(entry), 2)].push_back(entry);
    ++flat;
  }
  if (flat <= kMaxFlatNotes) return std::nullopt;

  git_treebuilder* builder = nullptr;
  check(git_treebuilder_new(&builder, repo, top), "fanning out notes");
  TreeBuilderPtr owned_builder(builder);
  for (const auto& [prefix, moved] : by_prefix) {
    for (const git_tree_entry* entry : moved)
      check(git_treebuilder_remove(builder, git_tree_entry_name(entry)), "fanning out notes");
    git_oid subtree = write_subtree(repo, top, prefix, moved);
    check(git_treebuilder_insert(nullptr, builder, prefix.c_str(), &subtree, GIT_FILEMODE_TREE),
          "fanning out notes");
  }
  git_oid tree_id;
  check(git_treebuilder_write(&tree_id, builder), "writing notes tree");
  git_tree* tree = nullptr;
  check(git_tree_lookup(&tree, repo, &tree_id), "reading notes tree");
  TreePtr owned_tree(tree);
  const git_commit* parents[] = {notes_commit};
  git_oid commit_id;
  check(git_commit_create(&commit_id, repo, nullptr, signature, signature, nullptr,
                          "benchgate: fan out notes tree", tree, 1, parents),
        "committing fanned-out notes");
  return commit_id;
}

}  // namespace benchgate::git
