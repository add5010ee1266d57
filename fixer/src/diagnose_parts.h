// The pieces of Diagnose, each reading one thing: the worker identity, the web probe, what a
// fix would touch, and the verdict drawn from the causes.
#pragma once

#include <string>
#include <vector>

#include "fixer/diagnosis.h"
#include "fixer/ports/ports.h"

namespace fixer {

inline constexpr const char* kAspNetAccount = "ASPNET";
inline constexpr const char* kBulletin = "MS03-032";
inline constexpr const char* kSymptomText = "Server Application Unavailable";

// Classifies <processModel userName>, resolves it to an account and reads that account and its
// profile. `computer` strips "COMPUTER\" (and ".\") prefixes of local accounts.
Result<WorkerIdentity> ReadWorkerIdentity(Ports& ports, const std::string& user_name,
                                          const std::string& computer,
                                          std::vector<std::string>& notes);

// Requests every application and classifies the answers.
SymptomCheck ProbeApplications(WebProbe& web, const std::vector<ApplicationInfo>& apps,
                               std::vector<ProbeResult>& probes, std::vector<std::string>& notes);

// Services, rights, groups, ACEs and SQL entries a fix would touch.
Result<FixScope> ReadFixScope(Ports& ports, const WorkerIdentity& worker);

// Fills causes, verdict and missing from the facts already in `d`.
void DecideVerdict(Diagnosis& d);

}  // namespace fixer
