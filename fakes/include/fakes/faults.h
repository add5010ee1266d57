// FaultPlan: makes the Nth mutating call fail with a chosen Windows error, or "lose power";
// and, for rules marked `read`, makes the Nth read of one op fail (a lookup answering 5).
//
// Every mutating operation of the fake machine calls Machine::Mutate(op, target) before it
// changes anything; that call counts it, traces it, and asks the plan whether to fail. A sweep
// first runs a scenario with an empty plan to count calls, then once per call N and fault kind.
// Op names are "subsystem.verb": "sam.create_user", "scm.stop", "journal.append", ...
// Reads (Machine::Read, asked by every read of the fixer's ports) are counted per op apart
// from the mutations, so a read rule never moves a sweep's numbering: "sam.lookup_user",
// "scm.query", "lsa.rights_of", "inventory.os", "journal.load", ... (fakes/src/machine_ports.cpp).
// Counts per op are kept only while a rule asks for them (a rule with an op; a read rule), so
// add the rules before the calls they count, as set_faults before a run does.
//
//   fakes::FaultPlan plan;
//   plan.Add({.nth = 3, .kind = fakes::FaultKind::kFail, .error = 5});   // 3rd mutation: 5
//   plan.Add({.op = "scm.start", .nth = 1, .kind = fakes::FaultKind::kCrash});
//   plan.Add({.op = "sam.lookup_user", .nth = 1, .error = 5, .read = true});  // 1st lookup: 5
//   plan.Add({.nth = 7, .kind = fakes::FaultKind::kCrashAfter});          // 7th change made, then off
//   machine.set_faults(plan);
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fixer/backend.h"
#include "fixer/result.h"

namespace fakes {

// kCrash: power is lost as the Nth call begins, before its change; kCrashAfter: right after the
// Nth change is made, which the next mutating call (or FaultPlan::PowerLossIfPending at the end
// of the run) sees, before it changes anything.
enum class FaultKind { kFail, kCrash, kCrashAfter };

struct FaultRule {
  std::optional<std::string> op;  // only count calls of this op; all mutations if empty
  uint64_t nth = 1;               // 1-based
  FaultKind kind = FaultKind::kFail;
  uint32_t error = fixer::kErrorAccessDenied;  // for kFail
  bool read = false;                           // a read rule: `op` names the read, `nth` counts that op's reads
};

// Thrown when a crash fault fires: the caller stops mid-way, the machine keeps what was done.
// An Interruption (fixer/backend.h), as aspnet-fixer's verbs catch it.
class PowerLoss : public fixer::Interruption {
 public:
  PowerLoss(std::string op, uint64_t call, bool after = false)
      : fixer::Interruption("simulated power loss " + std::string(after ? "right after" : "at") + " mutating call " +
                            std::to_string(call) + " (" + op + ")"),
        op_(std::move(op)),
        call_(call) {}
  const std::string& op() const { return op_; }
  uint64_t call() const { return call_; }

 private:
  std::string op_;
  uint64_t call_;
};

// A mutation's target as a trace keeps it: a view into a block of text that a FaultPlan appends
// each target to, the block shared by the events that point into it. Recording a target copies its
// characters once into the block (no allocation per call: a re-mapping makes one call per object);
// copying an event copies none. Made from a string (a test's event), it holds a block of its own.
class TraceText {
 public:
  TraceText() = default;
  TraceText(std::string_view text);  // NOLINT: implicit, as an event's target is written
  TraceText(const char* text) : TraceText(std::string_view(text)) {}         // NOLINT
  TraceText(const std::string& text) : TraceText(std::string_view(text)) {}  // NOLINT

  operator std::string_view() const { return view_; }  // NOLINT
  std::string_view view() const { return view_; }
  std::string str() const { return std::string(view_); }
  size_t find(char c, size_t from = 0) const { return view_.find(c, from); }
  bool empty() const { return view_.empty(); }
  friend bool operator==(const TraceText& a, std::string_view b) { return a.view_ == b; }
  friend std::string operator+(std::string a, const TraceText& b) { return a.append(b.view_); }
  friend std::ostream& operator<<(std::ostream& os, const TraceText& t);

 private:
  friend class TraceBlocks;
  TraceText(std::shared_ptr<const char[]> block, std::string_view view) : block_(std::move(block)), view_(view) {}

  std::shared_ptr<const char[]> block_;  // keeps view_'s characters
  std::string_view view_;
};

// Where a FaultPlan's traced targets are kept: blocks that grow, each filled then left to the
// events that point into it (a block's written part never changes, so a trace taken elsewhere
// reads it while the plan goes on appending past it).
class TraceBlocks {
 public:
  TraceText Keep(std::string_view text);

 private:
  std::shared_ptr<char[]> block_;
  size_t size_ = 0;  // the characters of block_ in use
  size_t capacity_ = 0;
};

// One mutating call, as seen by the plan: reports and the sweep read these.
struct MutationEvent {
  uint64_t call = 0;  // 1-based index over all mutations since the plan was installed
  std::string op;
  TraceText target;             // account, service, object path... never a secret
  uint32_t injected_error = 0;  // 0 unless a fail fault fired here
};

class FaultPlan {
 public:
  void Add(FaultRule rule) { rules_.push_back(std::move(rule)); }
  bool empty() const { return rules_.empty(); }
  const std::vector<FaultRule>& rules() const { return rules_; }

  // Counts the call; returns the injected error, or throws PowerLoss, or returns Ok. A power
  // loss due right after the previous call is thrown first, and this call is not counted.
  fixer::Status OnMutation(std::string_view op, std::string_view target);
  // The same for a read: applies only the read rules; not counted among the mutations.
  fixer::Status OnRead(std::string_view op, std::string_view target);
  // Throws the power loss a kCrashAfter rule left due after the last call, if any: the caller's
  // run ends here (nothing after the last change is made durable).
  void PowerLossIfPending();

  uint64_t calls() const { return calls_; }
  // The reads of `op` counted so far: only an op a read rule names is counted (0 for any other).
  uint64_t reads(std::string_view op) const;
  const std::vector<MutationEvent>& trace() const { return trace_; }
  std::vector<MutationEvent> TakeTrace() { return std::exchange(trace_, {}); }  // leaves it empty
  void ResetCounters();

 private:
  std::vector<FaultRule> rules_;
  uint64_t calls_ = 0;
  std::map<std::string, uint64_t, std::less<>> per_op_;
  std::map<std::string, uint64_t, std::less<>> reads_per_op_;
  std::vector<MutationEvent> trace_;
  TraceBlocks targets_;                            // the text of each traced target
  std::optional<MutationEvent> lose_power_after_;  // a kCrashAfter rule fired on this call
};

}  // namespace fakes
