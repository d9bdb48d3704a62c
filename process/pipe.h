#pragma once
// Owned file descriptors and the pipes run_child reads a child's output from. Internal to
// process/.
namespace benchgate::process {

// Closes its descriptor when it goes out of scope, so no early return or exception leaks one.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { reset(); }
  Fd(Fd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  Fd& operator=(Fd&& other) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  void reset();

 private:
  int fd_;
};

struct Pipe {
  Fd read, write;
};

// A pipe whose read end does not block (run_child polls it) and whose ends are closed on exec
// (a child gets only the end it is given). Throws EnvironmentError when none can be created.
Pipe make_pipe();

}  // namespace benchgate::process
