// "other-framework-password": the worker of another ASP.NET version (side by side with 1.0) that
// logs on as ASPNET with a password its own machine.config gives, which the repair's new password
// would leave wrong. docs/windows-reference.md#fixer-decisions
#include <utility>

#include "diagnose_parts.h"
#include "fixer/name_case.h"
#include "fixer/process_model.h"
#include "fixer/text.h"

namespace fixer {
namespace {

// Whether `user` ("ASPNET", ".\ASPNET", "XPPRO\ASPNET") names the local account `account`.
bool NamesLocalAccount(const std::string& user, const std::string& account, const std::string& computer) {
  const size_t slash = user.find('\\');
  if (slash == std::string::npos) return SameWindowsName(user, account);
  const std::string domain = user.substr(0, slash);
  return (domain == "." || SameWindowsName(domain, computer)) && SameWindowsName(user.substr(slash + 1), account);
}

// Whether that worker's password logs `account` on now, read against the LSA's (`now`): the same
// password logs on where 1.0's worker does; another fails where 1.0's logs on (1326).
enum class LogsOnNow { kAs10, kFails, kUnknown };

LogsOnNow LogsOnNowOf(const ProcessModelConfig& pm, const WorkerPasswordNow& now) {
  // aspnet_setreg's password is in the registry, which this read does not open.
  if (!now.lsa || IsRegistryReference(pm.password)) return LogsOnNow::kUnknown;
  // A named account logs on with the text itself, the word AutoGenerate too.
  if (Secret::FromString(pm.password) == *now.lsa) return LogsOnNow::kAs10;
  return now.logs_on ? LogsOnNow::kFails : LogsOnNow::kUnknown;
}

// How `pm` gives `account` a password of its own, in words ("userName=\"machine\" with a password of
// its own, not AutoGenerate"), or "" when its worker does not log on as `account` with one: the LSA's
// (AutoGenerate with "machine"), another identity, no aspnet_wp.exe (enable="false"), or an aspnet_setreg
// user name that cannot be read (2), whose worker cannot start now.
Result<std::string> OwnPasswordOf(AspNet& aspnet, const ProcessModelConfig& pm, const std::string& account,
                                  const std::string& computer) {
  if (!pm.enable || SameWindowsName(pm.user_name, "SYSTEM")) return std::string();
  if (SameWindowsName(pm.user_name, "machine")) {
    if (IsAutoGeneratePassword(pm.password)) return std::string();
    return Text(FMT_COMPILE("userName=\"machine\" with a password of its own ({}), not AutoGenerate"),
                IsRegistryReference(pm.password) ? "aspnet_setreg's, in the registry" : "in clear text");
  }
  std::string user = pm.user_name;
  if (IsRegistryReference(pm.user_name)) {
    auto resolved = aspnet.ResolveRegistryCredential(pm.user_name);
    if (!resolved) {
      if (resolved.status().code() == kErrorFileNotFound) return std::string();
      return resolved.status();
    }
    user = std::move(*resolved);
  }
  if (!NamesLocalAccount(user, account, computer)) return std::string();
  // A named account logs on with the text processModel gives, AutoGenerate too (MSDN: the LSA's
  // password only for "machine" and "SYSTEM").
  return Text(FMT_COMPILE("userName=\"{}\", naming {} with the password it gives"), pm.user_name, account);
}

// "serves /LM/W3SVC/1/ROOT/b11", or that none is mapped to it yet.
std::string ServedBy(const std::string& version, const std::vector<ApplicationInfo>& apps) {
  std::string served;
  for (const ApplicationInfo& app : apps) {
    if (app.framework_version != version) continue;
    served += (served.empty() ? "" : ", ") + app.path;
  }
  if (served.empty()) return "serves no application now, and would log on so at the first request to one";
  return "serves " + served;
}

}  // namespace

std::string FrameworkMachineConfig(const std::string& version) {
  return Text(FMT_COMPILE("%WINDIR%\\Microsoft.NET\\Framework\\v{}\\CONFIG\\machine.config"), version);
}

Result<std::vector<Precondition>> ReadOtherFrameworkPasswords(AspNet& aspnet,
                                                              const std::vector<FrameworkInfo>& frameworks,
                                                              const std::vector<ApplicationInfo>& apps,
                                                              const std::string& account, const std::string& computer,
                                                              const WorkerPasswordNow& now) {
  constexpr const char* kId = "other-framework-password";
  std::vector<Precondition> out;
  std::string others;  // the other versions, listed for the met precondition
  for (const FrameworkInfo& fw : frameworks) {
    if (fw.version == kFramework10) continue;
    others += (others.empty() ? "" : ", ") + fw.version;
    auto own = OwnPasswordOf(aspnet, fw.process_model, account, computer);
    if (!own) return own.status();
    if (own->empty()) continue;
    const LogsOnNow logs_on = LogsOnNowOf(fw.process_model, now);
    const std::string today =
        logs_on == LogsOnNow::kAs10
            ? Text(FMT_COMPILE("logs on as {} with that password, the LSA's, with which ASP.NET 1.0's worker logs on"),
                   account)
        : logs_on == LogsOnNow::kFails
            ? Text(FMT_COMPILE("logs on as {} with that password, which is not the LSA's, with which ASP.NET 1.0's "
                               "worker logs {} on now (its last failed start came after its logon): so that logon "
                               "fails already, before any repair, and its applications answer 503"),
                   account, account)
            : Text(FMT_COMPILE("logs on as {} with that password where it is {}'s (only a logon checks it)"), account,
                   account);
    Precondition p = FailingPrecondition(
        kId, kErrorLogonFailure,
        Text(FMT_COMPILE("ASP.NET {}'s own machine.config ({}) gives processModel {}, so its aspnet_wp.exe, which {}, "
                         "{}: the repair sets a new one in {} and the LSA, which that machine.config would not hold, "
                         "so the worker of ASP.NET {} could not log on after it{}"),
             fw.version, FrameworkMachineConfig(fw.version), *own, ServedBy(fw.version, apps), today, account,
             fw.version, logs_on == LogsOnNow::kFails ? " either" : ""),
        Remedy::kRefused);
    // Its logon may work now, and the repair is what would break it; one that fails now fails first.
    p.fails_after_repair = logs_on != LogsOnNow::kFails;
    p.subject = fw.version;
    out.push_back(std::move(p));
  }
  if (!out.empty() || others.empty()) return out;  // 1.0 alone: no other worker to name
  return std::vector<Precondition>{MetPrecondition(
      kId, Text(FMT_COMPILE("no other framework's processModel ({}) gives {} a password of its own: each logs on as "
                            "another identity or with the LSA's AutoGenerate password, which the repair keeps {}'s"),
                others, account, account))};
}

}  // namespace fixer
