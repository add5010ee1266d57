#include "fakes/faults.h"

#include <algorithm>

namespace fakes {

namespace {

// Whether any rule counts calls per op: a mutation rule with an op, or (`read`) a read rule.
bool CountsPerOp(const std::vector<FaultRule>& rules, bool read) {
  return std::any_of(rules.begin(), rules.end(),
                     [read](const FaultRule& r) { return r.read == read && (read || r.op.has_value()); });
}

// ++counts[op], the op's name copied only the first time it is counted.
uint64_t CountOf(std::map<std::string, uint64_t, std::less<>>& counts, std::string_view op) {
  auto it = counts.find(op);
  if (it == counts.end()) it = counts.emplace(std::string(op), 0).first;
  return ++it->second;
}

}  // namespace

fixer::Status FaultPlan::OnMutation(std::string_view op, std::string_view target) {
  PowerLossIfPending();
  const uint64_t call = ++calls_;
  const uint64_t op_call = CountsPerOp(rules_, false) ? CountOf(per_op_, op) : 0;
  if (trace_.empty()) trace_.reserve(64);  // an apply makes 30-60 calls: no regrowth on the way
  trace_.push_back({call, std::string(op), std::string(target), 0});
  for (const FaultRule& rule : rules_) {
    if (rule.read) continue;
    const bool hit = rule.op ? (*rule.op == op && rule.nth == op_call) : rule.nth == call;
    if (!hit) continue;
    if (rule.kind == FaultKind::kCrash) throw PowerLoss(std::string(op), call);
    if (rule.kind == FaultKind::kCrashAfter) {
      lose_power_after_ = trace_.back();
      return fixer::Status::Ok();  // this change is made; the power goes right after it
    }
    trace_.back().injected_error = rule.error;
    return fixer::Status::Win(rule.error);
  }
  return fixer::Status::Ok();
}

fixer::Status FaultPlan::OnRead(std::string_view op, std::string_view /*target*/) {
  if (!CountsPerOp(rules_, true)) return fixer::Status::Ok();  // no read rule: nothing to count for
  const uint64_t op_read = CountOf(reads_per_op_, op);
  for (const FaultRule& rule : rules_) {
    if (!rule.read || !rule.op || *rule.op != op || rule.nth != op_read) continue;
    if (rule.kind == FaultKind::kCrash) throw PowerLoss(std::string(op), op_read);
    return fixer::Status::Win(rule.error);
  }
  return fixer::Status::Ok();
}

void FaultPlan::PowerLossIfPending() {
  if (!lose_power_after_) return;
  const MutationEvent last = *lose_power_after_;
  lose_power_after_.reset();
  throw PowerLoss(last.op, last.call, true);
}

void FaultPlan::ResetCounters() {
  lose_power_after_.reset();
  calls_ = 0;
  per_op_.clear();
  reads_per_op_.clear();
  trace_.clear();
}

}  // namespace fakes
