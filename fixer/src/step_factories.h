// Factories of the individual steps, one per step kind; BuildSteps (step_list.cpp) orders them.
#pragma once

#include <memory>

#include "step.h"

namespace fixer {

std::unique_ptr<Step> MakeStopServices();
std::unique_ptr<Step> MakeStartServices();
std::unique_ptr<Step> MakeSetTempPassword(TempPasswordFrom password);
std::unique_ptr<Step> MakeLiftRestrictions();
std::unique_ptr<Step> MakeRestoreRestrictions();
std::unique_ptr<Step> MakeCreateProfile(Strategy strategy);
std::unique_ptr<Step> MakeRegister();
std::unique_ptr<Step> MakeRecordGrants();
std::unique_ptr<Step> MakeDeleteAccount();
std::unique_ptr<Step> MakeCreateAccount(TempPasswordFrom password);
std::unique_ptr<Step> MakeRegrantRights();
std::unique_ptr<Step> MakeRegrantGroups();
std::unique_ptr<Step> MakeRegrantAces();
std::unique_ptr<Step> MakeRegrantSql();
std::unique_ptr<Step> MakeVerifySite();

// Gives the worker account the password ASP.NET keeps in the LSA secret (or a fresh random one
// stored there), so the temporary password stops being valid and the worker can log on.
Status RestoreWorkerPassword(RepairContext& ctx);

}  // namespace fixer
