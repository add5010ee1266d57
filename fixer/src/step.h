// Step: one journaled action of a repair, with what it records for its undo and the undo.
//
// The runner journals Prepare's data in the "begin" record BEFORE Act runs, and Act's extra
// data in the "done" record after. Act and Undo must be idempotent, or check their effect
// first: after a crash a step with "begin" and no "done" may or may not have acted, and resume
// runs it again; rollback may undo it twice. Neither may catch exceptions.
//
//   class StopServices : public Step { ... };
//   auto data = step.Prepare(ctx);          // what is running now
//   journal "begin" with *data; step.Act(ctx, *data, done); journal "done" with done
#pragma once

#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <spdlog/logger.h>

#include "fixer/diagnosis.h"
#include "fixer/journal_codec.h"
#include "fixer/options.h"
#include "fixer/outcome.h"
#include "fixer/plan.h"
#include "fixer/ports/ports.h"

namespace fixer {

// State shared by the steps of one repair run (one process; sim::RunContext is the scenario's): ports, the temporary
// password held only in memory, the journaled data of every step, and the report.
class RepairContext {
 public:
  RepairContext(Ports& ports, spdlog::logger& log, const Options& options, std::string account, Sid sid,
                RunResult& result)
      : ports(ports), log(log), options(options), account(std::move(account)), original_sid(sid), result(result) {}

  Ports& ports;
  spdlog::logger& log;
  const Options& options;
  std::string account;  // the worker account the steps act on
  Sid original_sid;     // its SID when the plan was made (the old SID, for recreate)
  RunResult& result;
  // Every step's journaled data (begin merged with done), by step id.
  std::map<std::string, StepData> data;

  // The temporary password: the operator's, or one generated for `account` on first use.
  Result<Secret> TempPassword();
  // True once a step of THIS process set the temporary password on the account.
  bool temp_password_applied = false;
  // Past the point of no return (the irreversible step done, or possibly done): no step of this
  // run will be undone, a failure goes forward. The Runner keeps it.
  bool forward_only = false;

  const StepData& DataOf(const std::string& step_id) const;
  void Say(std::string message);  // into the log and RunResult::messages

 private:
  std::optional<Secret> temp_password_;
};

class Step {
 public:
  virtual ~Step() = default;
  virtual std::string_view id() const = 0;
  // For the plan. `d` is null when the plan is rebuilt from a journal.
  virtual PlanStep Describe(const Diagnosis* d) const = 0;
  // Reads what Act and Undo need. Recorded before Act; never a password.
  virtual Result<StepData> Prepare(RepairContext& ctx) = 0;
  virtual Status Act(RepairContext& ctx, const StepData& data, StepData& done) = 0;
  virtual Status Undo(RepairContext& ctx, const StepData& data) = 0;

  // After it has acted the machine cannot go back: later failures go forward.
  virtual bool irreversible() const { return false; }
  // For an irreversible step begun but not done: did it act? (Reads only.)
  virtual Result<bool> Acted(RepairContext&, const StepData&) { return true; }
  // Sets the in-memory temporary password on the account (re-run on resume when needed).
  virtual bool sets_temp_password() const { return false; }
  virtual bool needs_temp_password() const { return false; }
  // A step whose effect is temporary names the later step that takes it back
  // (lift-restrictions -> restore-restrictions). Once that step is done, running this one again
  // must re-read the machine, not reuse what it recorded.
  virtual std::string_view closed_by() const { return {}; }
  // Where a resume restarts when this step must run again after a run went forward past it:
  // create-profile needs lift-restrictions again, since restore-restrictions has run since.
  virtual std::string_view resume_from() const { return id(); }
  // The data keys its journal records may hold, begin and done alike: a journal holding another is
  // none this fixer wrote (CheckJournal). The run's own keys (kRollbackAsked on an undo-begin,
  // kReopenActOn on a reopen) are no step's.
  virtual std::vector<std::string_view> data_keys() const = 0;
};

// `keys` and the four EncodeFlags writes (kAccountFlagKeys).
std::vector<std::string_view> WithFlagKeys(std::initializer_list<std::string_view> keys);
// Each step of the strategy by id, with its data_keys(); built once per process.
using DataKeys = std::map<std::string, std::vector<std::string_view>, std::less<>>;
const DataKeys& DataKeysOf(Strategy strategy);

using Steps = std::vector<std::unique_ptr<Step>>;

// Where the run's temporary password comes from: what the plan says of it.
enum class TempPasswordFrom { kRandom, kOperator };
inline TempPasswordFrom TempPasswordFromOf(const Options& options) {
  return options.temp_password ? TempPasswordFrom::kOperator : TempPasswordFrom::kRandom;
}

// How the plan names that password: "a random", "the operator's".
inline std::string_view TempPasswordWords(TempPasswordFrom from) {
  return from == TempPasswordFrom::kOperator ? "the operator's" : "a random";
}

// The ordered steps of a strategy.
Steps BuildSteps(Strategy strategy, TempPasswordFrom password = TempPasswordFrom::kRandom);
// What a step after the irreversible one (recreate's delete) is undone by: nothing, the run goes
// forward from there.
inline constexpr std::string_view kForwardOnlyUndo = "none: after the delete the repair only goes forward";
// The plan's lines of `steps` (each step's Describe): a step after an irreversible one says
// kForwardOnlyUndo, whatever its own undo (a run past the delete never undoes it).
std::vector<PlanStep> DescribeSteps(const Steps& steps, const Diagnosis* d);
// Their ids, in that order: what a journal's plan record lists.
const std::vector<std::string>& StepIdsOf(Strategy strategy);

// Treat an "already so" answer as success, e.g. 1062 on stop, 1378 on add-to-group.
inline Status OkIf(Status st, uint32_t already_code) { return st.code() == already_code ? Status() : st; }

}  // namespace fixer
