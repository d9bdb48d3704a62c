#include "profile/line_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate::profile {
namespace {
constexpr std::size_t kBlockBytes = 4 << 20;
}

LineReader::LineReader(const std::filesystem::path& path) : source_(path.string()) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw InputError(fmt::format("{}: cannot open: {}", source_, std::strerror(errno)));
  buffer_.reserve(kBlockBytes * 2);
}

LineReader::LineReader(std::string_view text, std::string source)
    : source_(std::move(source)), pending_(text), at_end_(true) {}

LineReader::~LineReader() {
  if (fd_ >= 0) ::close(fd_);
}

// Moves the unread tail to the front of the buffer and appends the next block after it, so a
// line that straddles two blocks is contiguous. A line longer than a block grows the buffer.
bool LineReader::refill() {
  if (at_end_) return false;
  std::string carry(pending_);
  buffer_.assign(carry);
  const std::size_t kept = buffer_.size();
  buffer_.resize(kept + kBlockBytes);
  ssize_t got;
  do {
    got = ::read(fd_, buffer_.data() + kept, kBlockBytes);
  } while (got < 0 && errno == EINTR);
  if (got < 0) throw InputError(fmt::format("{}: read failed: {}", source_, std::strerror(errno)));
  buffer_.resize(kept + static_cast<std::size_t>(got));
  if (got == 0) at_end_ = true;
  pending_ = buffer_;
  return true;
}

bool LineReader::next(std::string_view& line) {
  for (;;) {
    // memchr must not see the null data() of an empty view (UBSan: nonnull argument).
    const void* newline =
        pending_.empty() ? nullptr : std::memchr(pending_.data(), '\n', pending_.size());
    if (newline != nullptr) {
      const auto length =
          static_cast<std::size_t>(static_cast<const char*>(newline) - pending_.data());
      line = pending_.substr(0, length);
      pending_.remove_prefix(length + 1);
      break;
    }
    if (at_end_) {
      if (pending_.empty()) return false;
      line = pending_;  // last line without a trailing newline
      pending_ = {};
      break;
    }
    refill();
  }
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  ++line_number_;
  return true;
}

}  // namespace benchgate::profile
