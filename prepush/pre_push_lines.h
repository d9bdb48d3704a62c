#pragma once
// The lines git writes to a pre-push hook's stdin (githooks(5)), one per ref being pushed:
//   <local ref> SP <local sha> SP <remote ref> SP <remote sha> LF
// A deletion has an all-zero local sha; a new remote branch has an all-zero remote sha.
#include <string>
#include <string_view>
#include <vector>

namespace benchgate::prepush {

struct PushedRef {
  std::string local_ref;   // "refs/heads/topic", or "(delete)" for a deletion
  std::string local_sha;   // 40 hex digits
  std::string remote_ref;  // "refs/heads/topic"
  std::string remote_sha;  // 40 hex digits; all zeros when the remote has no such ref
  int line = 0;            // 1-based line number on stdin, for messages

  bool deletes() const;          // the push removes remote_ref
  bool creates() const;          // remote_ref does not exist on the remote yet
  bool changes_nothing() const;  // the remote already has local_sha under remote_ref
  bool pushes_branch() const;    // remote_ref is under refs/heads/
};

// Parses the whole of stdin. InputError "stdin line N: ..." quoting a malformed line.
std::vector<PushedRef> parse_pre_push_lines(std::string_view text);

bool is_zero_sha(std::string_view sha);

}  // namespace benchgate::prepush
