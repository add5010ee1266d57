// The platform matrix, derived: build each row's machine, request a page, read the answer off
// the web stack's explanation.
#include "sim/matrix.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "fakes/acl_inheritance.h"
#include "fakes/aspnet_setup.h"
#include "fakes/fresh_install.h"
#include "fakes/hotfix_catalog.h"
#include "fakes/logon.h"
#include "fakes/objects.h"
#include "fakes/paths.h"
#include "fakes/profiles.h"
#include "fakes/sam.h"
#include "fixer/ports/aspnet.h"

namespace sim {

namespace {

constexpr const char* kIisApplication = "/LM/W3SVC/1/ROOT/app";
constexpr const char* kCassiniApplication = "/app";
// XP Home's first account is a computer administrator; "Owner" is the name XP suggests when
// none is typed at setup [M].
constexpr const char* kConsoleUser = "Owner";

fixer::Status Annotate(const fixer::Status& st, const std::string& step) {
  return fixer::Status(st.code(), step + ": " + st.message());
}

// A folder created the way Explorer creates one: owned by Administrators, DACL inherited.
fixer::Status CreateFolder(fakes::Machine& m, const std::string& path) {
  const fixer::ObjectRef ref{fixer::ObjectNamespace::kFile, path};
  const fixer::Sid owner = fixer::Sid::Administrators();
  return fakes::ObjectStore(m).Create(ref.ns, path, true, owner, fakes::DaclForNewObject(m.state(), ref, true, owner));
}

// Someone logs on at the console: the account exists, the logon succeeds, Winlogon loads
// (creates) the profile. Its folder, which the logon chose (a taken name gets a suffix).
fixer::Result<std::string> LogOnAtConsole(fakes::Machine& m, const std::string& user) {
  // A throwaway password for the simulated owner; never printed.
  const fixer::Secret password = fixer::Secret::FromString("Own3r-" + std::to_string(m.state().seed));
  fakes::Sam sam(m);
  auto sid = sam.CreateUser({.name = user, .full_name = user, .comment = "", .flags = {}}, password);
  if (!sid) return Annotate(sid.status(), "create " + user);
  if (auto st = sam.AddMember("Administrators", *sid); !st.ok())
    return Annotate(st, "add " + user + " to Administrators");
  auto token = fakes::LogonService(m).LogonUser(user, password, fakes::LogonType::kInteractive);
  if (!token) return Annotate(token.status(), "log on " + user);
  auto profile = fakes::ProfileStore(m).LoadOrCreate(*sid, user);
  if (!profile) return Annotate(profile.status(), "load the profile of " + user);
  m.state().session.interactive_user = user;
  return profile->path;
}

std::string Prefix(const fakes::RequestExplanation& r) {
  if (r.host_process.empty()) return "";
  return r.host_process + (r.identity.empty() ? "" : " as " + r.identity) + ": ";
}

}  // namespace

std::vector<PlatformCase> PaperPlatformCases() {
  using fixer::OsEdition;
  const OsEdition platforms[] = {OsEdition::kWindows2000Professional, OsEdition::kWindows2000Server,
                                 OsEdition::kWindowsXpProfessional, OsEdition::kWindowsServer2003,
                                 OsEdition::kWindowsXpHome};
  std::vector<PlatformCase> cases;
  for (const char* framework : {"1.0", "1.1"}) {
    for (OsEdition os : platforms) {
      cases.push_back({.framework = framework, .os = os});
      if (os == OsEdition::kWindowsServer2003)
        cases.push_back({.framework = framework, .os = os, .iis5_isolation_mode = true});
    }
  }
  return cases;
}

std::string PlatformName(fixer::OsEdition os) {
  if (os == fixer::OsEdition::kWindowsXpHome) return "Windows XP Home with Cassini";
  return std::string(fixer::ToString(os));
}

std::string PlatformName(const PlatformCase& c) {
  if (c.os != fixer::OsEdition::kWindowsServer2003) return PlatformName(c.os);
  return PlatformName(c.os) +
         (c.iis5_isolation_mode ? " (IIS 5.0 isolation mode)" : " (worker process isolation mode)");
}

std::string FrameworkVersion(std::string_view framework) {
  if (framework == "1.0") return std::string(fixer::kFramework10);
  if (framework == "1.1") return std::string(fixer::kFramework11);
  return std::string(framework);
}

std::string MatrixApplicationPath(const fakes::MachineState& state) {
  return state.products.web.kind == fixer::WebServerKind::kCassini ? kCassiniApplication : kIisApplication;
}

fixer::Result<fakes::Machine> BuildPlatformMachine(const PlatformCase& c, uint64_t seed) {
  const bool cassini = fakes::DefaultWebServer(c.os) == fixer::WebServerKind::kNone;
  fakes::InstallOptions options;
  options.os = c.os;
  options.seed = seed;
  if (cassini) options.web_server = fixer::WebServerKind::kCassini;
  fakes::Machine m(fakes::FreshInstall(options));
  if (c.iis5_isolation_mode) m.state().products.web.iis5_isolation_mode = true;

  std::string physical;
  if (cassini) {
    auto profile = LogOnAtConsole(m, kConsoleUser);
    if (!profile) return profile.status();
    physical = fakes::JoinPath(*profile, "My Documents\\app");
  } else {
    physical = fakes::SystemDrive(m.state()) + "\\Inetpub\\wwwroot\\app";
  }

  const std::string version = FrameworkVersion(c.framework);
  if (auto st = fakes::AspNetSetup(m).InstallFramework(version); !st.ok())
    return Annotate(st, "install ASP.NET " + version);
  if (auto st = CreateFolder(m, physical); !st.ok()) return Annotate(st, "create " + physical);
  m.state().products.applications.push_back({.path = MatrixApplicationPath(m.state()),
                                             .physical_path = physical,
                                             .framework_version = version,
                                             .session_state = fixer::SessionStateMode::kInProc});
  for (const auto& id : c.hotfixes)
    if (auto st = fakes::InstallHotfix(m, id); !st.ok()) return Annotate(st, "install " + id);
  return m;
}

std::string RowReason(const fakes::RequestExplanation& r) {
  if (!r.Served()) {
    const std::string cause = r.Cause();
    if (!r.listening) return cause.empty() ? r.connect_error.ToString() : cause;
    return Prefix(r) + (cause.empty() ? fmt::format("HTTP {}", r.response.status) : cause);
  }
  std::string why;
  for (const auto& c : r.conditions)
    if (c.Is(fakes::condition::kProfileSensitive)) why += (why.empty() ? "" : "; ") + c.detail;
  if (why.empty()) return "served by " + r.host_process + " as " + r.identity;
  return Prefix(r) + why;
}

bool SupportedPlatform(const PlatformCase& c) {
  return !(c.framework == "1.0" && c.os == fixer::OsEdition::kWindowsServer2003 && !c.iis5_isolation_mode);
}

MatrixRow EvaluatePlatform(fakes::Machine& machine, const PlatformCase& c, fakes::RequestExplanation& explanation) {
  if (!SupportedPlatform(c)) {
    // The model would still serve the page from w3wp.exe: what fails there no source says
    // (choice-10-worker-isolation), so the row judges nothing.
    return {.framework = c.framework,
            .platform = PlatformName(c),
            .supported = false,
            .affected = false,
            .reason =
                "not supported: ASP.NET 1.0 runs on Windows Server 2003 only in IIS 5.0 isolation mode "
                "(TechNet, Evaluating Application Changes Required for IIS 6.0 Worker Process Isolation Mode)"};
  }
  explanation = fakes::WebStack(machine).Request(MatrixApplicationPath(machine.state()));
  return {.framework = c.framework,
          .platform = PlatformName(c),
          .affected = !explanation.Served(),
          .reason = RowReason(explanation)};
}

MatrixRow EvaluatePlatform(fakes::Machine& machine, const PlatformCase& c) {
  fakes::RequestExplanation ignored;
  return EvaluatePlatform(machine, c, ignored);
}

fixer::Result<std::vector<MatrixRow>> DeriveMatrix(uint64_t seed) {
  std::vector<MatrixRow> rows;
  for (const PlatformCase& c : PaperPlatformCases()) {
    auto machine = BuildPlatformMachine(c, seed);
    if (!machine) return Annotate(machine.status(), c.framework + " on " + PlatformName(c));
    rows.push_back(EvaluatePlatform(*machine, c));
  }
  return rows;
}

nlohmann::json ToJson(const std::vector<MatrixRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows)
    out.push_back({{"framework", r.framework},
                   {"platform", r.platform},
                   {"supported", r.supported},
                   {"affected", r.affected},
                   {"reason", r.reason}});
  return out;
}

std::string FormatMatrixTable(const std::vector<MatrixRow>& rows) {
  const std::string h_framework = ".NET Framework";
  const std::string h_platform = "Platform";
  const std::string h_affected = "Affected";
  size_t w_framework = h_framework.size();
  size_t w_platform = h_platform.size();
  for (const auto& r : rows) {
    w_framework = std::max(w_framework, ("Version " + r.framework).size());
    w_platform = std::max(w_platform, r.platform.size());
  }
  const size_t w_affected = h_affected.size();
  std::string out = fmt::format("{:<{}}  {:<{}}  {:<{}}  {}\n", h_framework, w_framework, h_platform, w_platform,
                                h_affected, w_affected, "Reason");
  out += fmt::format("{:-<{}}  {:-<{}}  {:-<{}}  {:-<{}}\n", "", w_framework, "", w_platform, "", w_affected, "", 6);
  for (const auto& r : rows)
    out += fmt::format("{:<{}}  {:<{}}  {:<{}}  {}\n", "Version " + r.framework, w_framework, r.platform, w_platform,
                       !r.supported ? "n/a"
                       : r.affected ? "Yes"
                                    : "No",
                       w_affected, r.reason);
  return out;
}

}  // namespace sim
