#include "fakes/testing/service_matchers.h"

#include "fakes/scm.h"
#include "fakes/testing/principal.h"
#include "fixer/win_error.h"

namespace fakes_testing {

bool ServiceStateMatcher::Match(const fakes::Machine& machine, ::testing::MatchResultListener* listener) const {
  const fixer::ServiceInfo* service = fakes::Scm(ForReading(machine)).Find(name_);
  if (!service) {
    *listener << "there is no service " << name_ << " ("
              << fixer::Status::Win(fixer::kErrorServiceDoesNotExist).ToString() << ")";
    return false;
  }
  *listener << "service " << service->name << " (" << service->display_name << ") is "
            << fixer::ToString(service->state);
  return service->state == state_;
}

void ServiceStateMatcher::DescribeTo(std::ostream* os) const {
  *os << "has service " << name_ << " " << fixer::ToString(state_);
}

void ServiceStateMatcher::DescribeNegationTo(std::ostream* os) const {
  *os << "does not have service " << name_ << " " << fixer::ToString(state_);
}

}  // namespace fakes_testing
