// net pause / net continue NAME over the fake Service Control Manager.
//
// [S: docs/windows-reference.md#net-pause-continue] net sends the control through
// NetServiceControl, which maps the SCM's errors to NET messages (1060 -> 2185, 1062 -> 2184
// "The service has not been started.", 1061 -> 2189, 1052 -> 2191; WS03 netapi's MapError); on
// success it prints "The <Display> service pause is pending" (or "continue is pending") with a
// dot while the service moves, a line end, then "... was paused successfully." (or "continued").
#include "cmd_common.h"
#include "cmd_net.h"
#include "cmd_net_service_args.h"
#include "cmd_net_switches.h"
#include "fakes/commands.h"
#include "fakes/scm.h"

namespace fakes::cmd {
namespace {

// What one of the two commands says and does.
struct PauseOrContinue {
  std::string_view usage;    // net's syntax line
  std::string_view pending;  // APE_PausPending / APE_ContPending, "The %1 service ... is pending"
  std::string_view done;     // APE_PausSuccess / APE_ContSuccess
  fixer::ServiceState target;
  fixer::Status (Scm::*control)(const std::string&);
};

constexpr PauseOrContinue kPause{"NET PAUSE\nservice\n", "pause is pending", "was paused successfully",
                                 fixer::ServiceState::kPaused, &Scm::Pause};
constexpr PauseOrContinue kContinue{"NET CONTINUE\nservice\n", "continue is pending", "was continued successfully",
                                    fixer::ServiceState::kRunning, &Scm::Continue};

// NetServiceControl's MapError: the SCM's service errors as net's own messages.
uint32_t AsNetMessage(uint32_t scm_error) {
  switch (scm_error) {
    case fixer::kErrorServiceDoesNotExist: return fixer::kNerrBadServiceName;
    case fixer::kErrorServiceNotActive: return fixer::kNerrServiceNotInstalled;
    case fixer::kErrorServiceCannotAcceptCtrl: return fixer::kNerrServiceNotCtrl;
    case fixer::kErrorInvalidServiceControl: return fixer::kNerrServiceCtlNotValid;
    default: return scm_error;
  }
}

int Control(Console& con, const std::vector<std::string>& args, const PauseOrContinue& what) {
  ServiceArgs a = ParseServiceArgs(args);
  if (auto level = CheckNetSwitches(con, a.options, {}, what.usage)) return *level;
  if (a.name.empty()) return NetSyntax(con, what.usage);
  Scm scm(con.machine);
  const fixer::ServiceInfo* svc = ControllableService(con, scm, a.name);
  if (!svc) return kNetFailed;
  const std::string key = svc->name;
  const std::string display = svc->display_name;
  // A service already in the state asked for answers at once: no "pending" line, net's line end.
  const bool moves = svc->state != what.target;
  if (auto st = (scm.*what.control)(key); !st.ok()) {
    const uint32_t code = AsNetMessage(st.code());
    return code == st.code() ? NetError(con, code, st.message()) : NetError(con, code);
  }
  // [M] The fake's service reports the pending state once, as its `net start` does.
  con.Write(moves ? "The " + display + " service " + std::string(what.pending) + ".\n" : std::string("\n"));
  con.Write("The " + display + " service " + std::string(what.done) + ".\n\n");
  return 0;
}

}  // namespace

int NetPause(Console& con, const std::vector<std::string>& args) { return Control(con, args, kPause); }

int NetContinue(Console& con, const std::vector<std::string>& args) { return Control(con, args, kContinue); }

}  // namespace fakes::cmd
