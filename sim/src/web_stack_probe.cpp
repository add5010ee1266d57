// MachineWebProbe: the fixer's WebProbe port answered by the web stack model.
#include "sim/web_stack.h"

namespace sim {

fixer::Result<fixer::HttpResponse> MachineWebProbe::Get(const std::string& application_path) {
  last_ = web_.Request(application_path);
  if (!last_->listening) return last_->connect_error;
  return last_->response;
}

}  // namespace sim
