// Fault specs of the sweep ("fail@7=2245,crash@9") and the Windows errors each mutating call
// can really give, so a sweep injects what the real API would answer there.
#include <algorithm>
#include <charconv>

#include "sim/sweep.h"

namespace sim {

std::string FormatFaults(const std::vector<SweepFault>& faults) {
  if (faults.empty()) return std::string(kAsFoundCase);
  std::string out;
  for (const SweepFault& f : faults) {
    if (!out.empty()) out += ",";
    out += f.kind == fakes::FaultKind::kCrash ? "crash@" + std::to_string(f.call)
                                              : "fail@" + std::to_string(f.call) + "=" + std::to_string(f.error);
  }
  return out;
}

namespace {

bool ParseNumber(std::string_view text, uint64_t& out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

std::optional<SweepFault> ParseOne(std::string_view item) {
  SweepFault f;
  uint64_t n = 0;
  if (item.rfind("crash@", 0) == 0) {
    if (!ParseNumber(item.substr(6), n) || n == 0) return std::nullopt;
    f.kind = fakes::FaultKind::kCrash;
    f.call = n;
    return f;
  }
  if (item.rfind("fail@", 0) != 0) return std::nullopt;
  item.remove_prefix(5);
  const auto eq = item.find('=');
  uint64_t error = 0;
  if (eq == std::string_view::npos || !ParseNumber(item.substr(0, eq), n) || n == 0 ||
      !ParseNumber(item.substr(eq + 1), error) || error == 0 || error > UINT32_MAX)
    return std::nullopt;
  f.kind = fakes::FaultKind::kFail;
  f.call = n;
  f.error = static_cast<uint32_t>(error);
  return f;
}

}  // namespace

std::optional<std::vector<SweepFault>> ParseFaults(const std::string& spec) {
  std::vector<SweepFault> faults;
  if (spec == kAsFoundCase) return faults;
  size_t start = 0;
  while (start <= spec.size()) {
    const size_t comma = spec.find(',', start);
    const std::string_view item =
        std::string_view(spec).substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    auto f = ParseOne(item);
    if (!f) return std::nullopt;
    if (!faults.empty() && f->call <= faults.back().call) return std::nullopt;  // in call order
    faults.push_back(*f);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return faults;
}

// ERROR_SERVICE_MARKED_FOR_DELETE: no fake call gives it, so fixer/ has no name for it.
constexpr uint32_t kErrorServiceMarkedForDelete = 1072;

// What the Win32 / NetApi / LSA / SQL call behind each fake op answers when it fails for a
// reason other than its arguments. 5 (access denied) applies to nearly all of them.
std::vector<uint32_t> ErrorsFor(const std::string& op) {
  using namespace fixer;
  if (op == "scm.stop") return {kErrorDependentServicesRunning, kErrorServiceCannotAcceptCtrl, kErrorAccessDenied};
  if (op == "scm.pause") return {kErrorInvalidServiceControl, kErrorServiceCannotAcceptCtrl, kErrorAccessDenied};
  // StartService's documented errors include 1072 (a service marked for deletion, as `sc delete`
  // leaves one whose handles are still open) [StartService].
  if (op == "scm.start")
    return {kErrorServiceLogonFailed, kErrorServiceDependencyFail, kErrorServiceRequestTimeout,
            kErrorServiceMarkedForDelete, kErrorAccessDenied};
  if (op == "sam.set_password" || op == "sam.create_user") return {kNerrPasswordTooShort, kErrorAccessDenied};
  if (op == "journal.append" || op == "journal.clear") return {kErrorDiskFull, kErrorAccessDenied};
  if (op == "profile.create" || op == "file.create") return {kErrorAccessDenied, kErrorDiskFull};
  if (op.rfind("sql.", 0) == 0) return {kErrorAccessDenied, kErrorNotEnoughMemory};
  // ReportEvent into a full Application log (XP's default: 512 KB, overwriting only events older
  // than 7 days) gives 1502; a stopped Event Log service, 1722.
  if (op == "eventlog.write") return {kErrorAccessDenied, kErrorLogFileFull, kRpcServerUnavailable};
  return {kErrorAccessDenied};
}

// What a read of each op answers when it fails for a reason other than its arguments: 5 for
// every read (docs/windows-reference.md#read-errors, each with its source).
std::vector<uint32_t> ReadErrorsFor(const std::string& op) {
  using namespace fixer;
  // ReadFile over a range another handle locked: ERROR_LOCK_VIOLATION (#win32-journal-read).
  if (op == "journal.load") return {kErrorLockViolation, kErrorAccessDenied};
  // The Event Log service stopped: RPC_S_SERVER_UNAVAILABLE, as its writes answer [M].
  if (op == "eventlog.read") return {kRpcServerUnavailable, kErrorAccessDenied};
  // The metabase read: its DefaultAppPool node gone, no IIS Admin object, an identity no
  // w3wp.exe could run as [M] (#app-pool-identity).
  if (op == "inventory.app_pool_identity")
    return {kErrorPathNotFound, kErrorServiceDoesNotExist, kErrorInvalidData, kErrorAccessDenied};
  return {kErrorAccessDenied};
}

namespace {

std::string ErrorNotIn(const std::vector<uint32_t>& errors, const std::string& call, uint32_t error) {
  if (std::find(errors.begin(), errors.end(), error) != errors.end()) return "";
  std::string codes;
  for (uint32_t e : errors) codes += (codes.empty() ? "" : ", ") + std::to_string(e);
  return call + " cannot fail with " + std::to_string(error) + "; the errors it can give: " + codes;
}

}  // namespace

std::string ErrorNotGivenBy(const std::string& call, const std::string& op, uint32_t error) {
  return ErrorNotIn(ErrorsFor(op), call, error);
}

std::string ReadErrorNotGivenBy(const std::string& op, uint32_t error) {
  return ErrorNotIn(ReadErrorsFor(op), op, error);
}

}  // namespace sim
