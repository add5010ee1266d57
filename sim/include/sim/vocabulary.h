// The words a scenario may use: every step kind and expectation kind, each defined once as a
// row of one table: its name, its parameters with the values each allows, its one-line doc and
// the function that runs it. The loader validates against the rows, the runner calls their
// functions, and the reference tables of docs/scenario-format.md are rendered from them (a test
// fails, printing the table to paste, when the doc differs).
//
// The rows of the step kinds sit beside their executors (steps_*.cpp, one family per file), the
// rows of the checks beside theirs (expectations*.cpp); adding a word touches its row, its code
// and its test.
//
//   const sim::Word* w = sim::FindStep("request");
//   w->scalar_arg;                   // "app": `request: /LM/W3SVC/1/ROOT/app` means {app: ...}
//   sim::StepReport r = w->run(ctx, step);
//   std::string doc = sim::StepTableMarkdown();
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fixer/ports/service_control.h"
#include "sim/expectations.h"
#include "sim/steps.h"

namespace sim {

// What a parameter's value may be; checked when the scenario is loaded.
enum class ValueKind {
  kText,         // anything
  kWord,         // one of Param::words
  kWholeNumber,  // 0, 1, 2 ...
  kTrueFalse,    // fakes::YamlBool: true / false, yes / no
  kRegex,        // a regular expression (text_match.h)
};

// The largest whole number a parameter takes unless it says less: 18 digits, within the 64-bit
// integer the steps read it as.
inline constexpr uint64_t kWholeNumberMax = 999'999'999'999'999'999;

struct Param {
  std::string_view name;
  ValueKind kind = ValueKind::kText;
  std::vector<std::string_view> words = {};  // kWord: the allowed values
  bool required = false;                     // must be given, non-empty
  std::string_view note = {};                // for the docs: a default, what it means
  uint64_t min = 0;                          // kWholeNumber: the smallest value (1: a count where 0 means none)
  uint64_t max = kWholeNumberMax;            // kWholeNumber: the largest value (a DWORD's, a policy's)
  // kText with a syntax of its own (an access mask, ACE flags): why `value` is not one, or
  // nullopt; the same parser the step reads it with, so a value the step would refuse fails the load.
  std::optional<std::string> (*rule)(const std::string& value) = nullptr;
};

// Words whose value is itself checks: `any_of: [block, ...]`, `not: block`.
enum class Nesting { kNone, kAnyOf, kNot };

using StepFn = std::function<StepReport(RunContext&, const Step&)>;
using CheckFn = std::function<CheckResult(RunContext&, const Expectation&)>;

struct Word {
  std::string_view name;
  std::string_view scalar_arg;  // a scalar value is taken as this parameter ("": not accepted)
  std::vector<Param> params;    // the map form's parameters
  std::string_view doc;         // one line: what the step does / when the check passes
  StepFn run = {};              // a step kind's executor
  CheckFn check = {};           // an expectation kind's checker
  Nesting nesting = Nesting::kNone;
  std::vector<std::vector<std::string_view>> at_most_one_of = {};   // never two of a group
  std::vector<std::vector<std::string_view>> at_least_one_of = {};  // one of a group is needed
  // A parameter that means something only beside one of a group (`fail_error` sets the error of
  // the fault `fail_at` or `fail_op` makes): given without any of them it is refused.
  std::vector<std::pair<std::string_view, std::vector<std::string_view>>> only_with = {};
  // A rule across the given parameters (a fault's error its named call cannot give): the
  // parameter to blame and why, or nullopt; checked after the rules above.
  std::optional<std::pair<std::string, std::string>> (*args_rule)(const std::map<std::string, std::string>& args) =
      nullptr;

  const Param* FindParam(std::string_view param) const;
};

// The families of step kinds, one per steps_*.cpp.
std::vector<Word> SystemStepWords();   // services, ACLs, SQL logins, products, ASP.NET config
std::vector<Word> WebStepWords();      // request
std::vector<Word> FixerStepWords();    // fixer
std::vector<Word> LegacyStepWords();   // legacy, command
std::vector<Word> AccountStepWords();  // accounts, rights, policy, logons, session, clock
std::vector<Word> CaptureStepWords();  // capture (and go on with its reproduction)
// The expectation kinds (expectations*.cpp).
std::vector<Word> RunCheckWords();        // on the last request / run: status, exit_code, output ...
std::vector<Word> MachineCheckWords();    // on the machine: account, service, ace ...
std::vector<Word> LogicCheckWords();      // any_of, not
std::vector<Word> InvariantCheckWords();  // invariant (invariants_named.cpp)

const std::vector<Word>& StepWords();
const std::vector<Word>& ExpectWords();
const Word* FindStep(std::string_view name);
const Word* FindExpect(std::string_view name);

// Windows names the words share with the fixer's ports (fixer::ToString spells them).
inline constexpr fixer::StartType kAllStartTypes[] = {fixer::StartType::kBoot, fixer::StartType::kSystem,
                                                      fixer::StartType::kAutomatic, fixer::StartType::kManual,
                                                      fixer::StartType::kDisabled};
inline constexpr fixer::ServiceState kAllServiceStates[] = {
    fixer::ServiceState::kStopped, fixer::ServiceState::kStartPending, fixer::ServiceState::kStopPending,
    fixer::ServiceState::kRunning, fixer::ServiceState::kPaused};
std::vector<std::string_view> StartTypeNames();        // "boot", "system", "auto", "manual", "disabled"
std::vector<std::string_view> ServiceStateNames();     // "stopped", "start-pending", ... "paused"
std::vector<std::string_view> ObjectNamespaceNames();  // "file", "registry", "metabase"
// The `namespace` parameter of the steps and checks that name a securable object.
Param ObjectNamespaceParam();

// The reference tables of docs/scenario-format.md ("| kind | scalar | parameters | ... |").
std::string StepTableMarkdown();
std::string ExpectTableMarkdown();

}  // namespace sim
