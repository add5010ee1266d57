// The platform matrix: for each of the paper's ten (framework, platform) rows, and for Windows
// Server 2003 once per IIS 6 isolation mode (worker process isolation, the default, and IIS 5.0
// isolation, the mode that runs aspnet_wp.exe), build a machine
// from its OS and framework alone, install MS03-032, request a page, and record whether the
// request failed and why. Nothing here knows the paper's "Affected" column: the answer comes
// from the web stack model (web_stack.h) and the hotfix catalog's per-build data, so a changed
// input (another component build, another processModel identity, no hotfix) gets its own
// reasoned answer.
//
// How a row's machine is built: fakes::FreshInstall for the edition (its default web server:
// IIS 5.0 on 2000, 5.1 on XP Pro, 6.0 on Server 2003); Windows XP Home has no IIS, so Cassini
// with an account "Owner" (an administrator, as XP Home's first account is) logged on at the
// console; AspNetSetup::InstallFramework(version); one application mapped to that version
// (IIS: /LM/W3SVC/1/ROOT/app in C:\Inetpub\wwwroot\app; Cassini: /app in Owner's My
// Documents); then the case's hotfixes.
//
//   for (const sim::MatrixRow& row : *sim::DeriveMatrix(42)) ...
//   std::cout << sim::FormatMatrixTable(*rows);   std::cout << sim::ToJson(*rows).dump(2);
//
//   sim::PlatformCase c{.framework = "1.0", .os = fixer::OsEdition::kWindowsXpProfessional};
//   auto machine = sim::BuildPlatformMachine(c, 42);
//   machine->state().products.frameworks[0].process_model.user_name = "SYSTEM";
//   sim::MatrixRow row = sim::EvaluatePlatform(*machine, c);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "fakes/machine.h"
#include "fakes/web_stack.h"
#include "fixer/ports/inventory.h"
#include "fixer/result.h"

namespace sim {

// One input row: a framework and an OS edition, and the updates to install.
struct PlatformCase {
  std::string framework;  // "1.0" or "1.1"
  fixer::OsEdition os = fixer::OsEdition::kWindowsXpProfessional;
  std::vector<std::string> hotfixes = {"MS03-032"};
  bool iis5_isolation_mode = false;  // IIS 6.0 only: run ASP.NET in aspnet_wp.exe
};

struct MatrixRow {
  std::string framework;  // "1.0"
  std::string platform;   // the paper's wording: "Windows XP Home with Cassini"
  // False for a configuration Microsoft does not support (ASP.NET 1.0 in IIS 6's worker process
  // isolation mode): no page is requested, `affected` is false and `reason` says why.
  bool supported = true;
  bool affected = false;  // the page request failed
  std::string reason;     // why, from the web stack's explanation
};

// Whether Microsoft supports the case: ASP.NET 1.0 on Windows Server 2003 runs only in IIS 5.0
// isolation mode (docs/windows-reference.md#iis-6-isolation-modes).
bool SupportedPlatform(const PlatformCase& c);

// The paper's ten rows, framework 1.0 then 1.1, each over the five platforms in the paper's
// order, Windows Server 2003 twice (worker process isolation, then IIS 5.0 isolation mode).
// Inputs only: no answers.
std::vector<PlatformCase> PaperPlatformCases();
// The paper's name for a platform: ToString(os), and "Windows XP Home with Cassini".
std::string PlatformName(fixer::OsEdition os);
// The row's name: the paper's, with the IIS 6 mode for Windows Server 2003.
std::string PlatformName(const PlatformCase& c);
// "1.0" -> "1.0.3705", "1.1" -> "1.1.4322"; anything else is taken as a full version.
std::string FrameworkVersion(std::string_view framework);
// The application a row's machine serves: "/LM/W3SVC/1/ROOT/app", or "/app" under Cassini.
std::string MatrixApplicationPath(const fakes::MachineState& state);

// The machine of a case, built from its OS and framework alone; an error if a setup step
// fails (it should not on a machine without a fault plan).
fixer::Result<fakes::Machine> BuildPlatformMachine(const PlatformCase& c, uint64_t seed);
// Requests the row's application on `machine` and derives the row from the explanation.
MatrixRow EvaluatePlatform(fakes::Machine& machine, const PlatformCase& c);
// The same, also handing back the explanation the row was derived from.
MatrixRow EvaluatePlatform(fakes::Machine& machine, const PlatformCase& c, fakes::RequestExplanation& explanation);
// A row's reason: the first failed condition when the request failed; otherwise why the
// profile-sensitive components did no harm; otherwise what served it.
std::string RowReason(const fakes::RequestExplanation& explanation);

fixer::Result<std::vector<MatrixRow>> DeriveMatrix(uint64_t seed);

// [{"framework": "1.0", "platform": "...", "supported": true, "affected": true, "reason": "..."}, ...]
nlohmann::json ToJson(const std::vector<MatrixRow>& rows);
// A fixed-width table with a header: .NET Framework | Platform | Affected | Reason.
std::string FormatMatrixTable(const std::vector<MatrixRow>& rows);

}  // namespace sim
