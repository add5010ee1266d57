// The order of the steps of each strategy (docs/windows-reference.md#fixer-decisions). keep-sid
// keeps the account and its SID; recreate follows fixup.cmd (docs/windows-reference.md#fixupcmd:
// stop, delete, add, runas, aspnet_regiis -i, start) with the grants recorded before the delete
// and re-granted after the re-registration.
#include "step_factories.h"

namespace fixer {

Steps BuildSteps(Strategy strategy, TempPasswordFrom password) {
  Steps steps;
  steps.push_back(MakeStopServices());
  if (strategy == Strategy::kKeepSid) {
    steps.push_back(MakeSetTempPassword(password));
  } else {
    steps.push_back(MakeRecordGrants());
    steps.push_back(MakeDeleteAccount());
    steps.push_back(MakeCreateAccount(password));
  }
  steps.push_back(MakeLiftRestrictions());
  steps.push_back(MakeCreateProfile(strategy));
  steps.push_back(MakeRestoreRestrictions());
  steps.push_back(MakeRegister());
  if (strategy == Strategy::kRecreate) {
    steps.push_back(MakeRegrantRights());
    steps.push_back(MakeRegrantGroups());
    steps.push_back(MakeRegrantAces());
    steps.push_back(MakeRegrantSql());
  }
  steps.push_back(MakeStartServices());
  steps.push_back(MakeVerifySite());  // "fixed" only once the pages answer
  return steps;
}

std::vector<PlanStep> DescribeSteps(const Steps& steps, const Diagnosis* d) {
  std::vector<PlanStep> described;
  described.reserve(steps.size());
  bool past_irreversible = false;
  for (const auto& step : steps) {
    PlanStep s = step->Describe(d);
    if (past_irreversible) s.undo = kForwardOnlyUndo;
    past_irreversible = past_irreversible || s.irreversible;
    described.push_back(std::move(s));
  }
  return described;
}

namespace {
std::vector<std::string> IdsOfSteps(Strategy strategy) {
  std::vector<std::string> ids;
  for (const auto& step : BuildSteps(strategy)) ids.emplace_back(step->id());
  return ids;
}
DataKeys DataKeysOfSteps(Strategy strategy) {
  DataKeys keys;
  for (const auto& step : BuildSteps(strategy)) keys.emplace(step->id(), step->data_keys());
  return keys;
}
}  // namespace

const DataKeys& DataKeysOf(Strategy strategy) {
  static const DataKeys keep_sid = DataKeysOfSteps(Strategy::kKeepSid);
  static const DataKeys recreate = DataKeysOfSteps(Strategy::kRecreate);
  return strategy == Strategy::kKeepSid ? keep_sid : recreate;
}

std::vector<std::string_view> WithFlagKeys(std::initializer_list<std::string_view> keys) {
  std::vector<std::string_view> all(keys);
  all.insert(all.end(), kAccountFlagKeys.begin(), kAccountFlagKeys.end());
  return all;
}

const std::vector<std::string>& StepIdsOf(Strategy strategy) {
  static const std::vector<std::string> keep_sid = IdsOfSteps(Strategy::kKeepSid);
  static const std::vector<std::string> recreate = IdsOfSteps(Strategy::kRecreate);
  return strategy == Strategy::kKeepSid ? keep_sid : recreate;
}

}  // namespace fixer
