#pragma once
// A forge request that failed: no response, a response too large, or an unexpected status.
// An EnvironmentError (exit 3) because the network or the forge failed us. The message is always
// redacted before it gets here.
#include <string>

#include "core/errors.h"

namespace benchgate::forge {

class HttpError : public EnvironmentError {
 public:
  HttpError(int status, const std::string& message) : EnvironmentError(message), status_(status) {}
  // The HTTP status of the last response, or 0 when there was none.
  int status() const { return status_; }

 private:
  int status_;
};

}  // namespace benchgate::forge
