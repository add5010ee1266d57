// RepairContext: the temporary password and per-step data of one run; see step.h.
#include "fixer/password_generator.h"
#include "fixer/text.h"
#include "step.h"

namespace fixer {

Result<Secret> RepairContext::TempPassword() {
  if (!temp_password_) {
    if (options.temp_password) {
      temp_password_ = *options.temp_password;
    } else {
      auto generated = GenerateTempPassword(ports.random, ports.policy, account);
      if (!generated) return generated.status();
      temp_password_ = std::move(*generated);
    }
  }
  return *temp_password_;
}

const StepData& RepairContext::DataOf(const std::string& step_id) const {
  static const StepData kEmpty;
  auto it = data.find(step_id);
  return it == data.end() ? kEmpty : it->second;
}

void RepairContext::Say(std::string message) {
  Log(log, spdlog::level::info, message);
  result.messages.push_back(std::move(message));
}

}  // namespace fixer
