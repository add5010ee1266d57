#include "fakes/faults.h"

#include <algorithm>
#include <cstring>
#include <ostream>

namespace fakes {

namespace {

// The first block's size, and the most a block grows to: a trace of a few calls (most of a
// sweep's runs) keeps a small block alive, a re-mapping's thousands share few.
constexpr size_t kFirstTraceBlock = 256;
constexpr size_t kLargestTraceBlock = 64 * 1024;

// Whether a rule counts `op`'s calls (`read`: its reads): only such ops are counted, so a plan
// that names one op does not count every other call the run makes.
bool CountsOp(const std::vector<FaultRule>& rules, bool read, std::string_view op) {
  return std::any_of(rules.begin(), rules.end(),
                     [&](const FaultRule& r) { return r.read == read && r.op.has_value() && *r.op == op; });
}

// ++counts[op], the op's name copied only the first time it is counted.
uint64_t CountOf(std::map<std::string, uint64_t, std::less<>>& counts, std::string_view op) {
  auto it = counts.find(op);
  if (it == counts.end()) it = counts.emplace(std::string(op), 0).first;
  return ++it->second;
}

}  // namespace

TraceText::TraceText(std::string_view text) {
  if (text.empty()) return;
  std::shared_ptr<char[]> block = std::make_shared_for_overwrite<char[]>(text.size());
  std::memcpy(block.get(), text.data(), text.size());
  view_ = std::string_view(block.get(), text.size());
  block_ = std::move(block);
}

std::ostream& operator<<(std::ostream& os, const TraceText& t) { return os << t.view(); }

TraceText TraceBlocks::Keep(std::string_view text) {
  if (text.empty()) return {};
  if (capacity_ - size_ < text.size()) {
    capacity_ = std::max(text.size(), std::clamp(2 * capacity_, kFirstTraceBlock, kLargestTraceBlock));
    block_ = std::make_shared_for_overwrite<char[]>(capacity_);
    size_ = 0;
  }
  char* at = block_.get() + size_;
  std::memcpy(at, text.data(), text.size());
  size_ += text.size();
  return TraceText(block_, std::string_view(at, text.size()));
}

fixer::Status FaultPlan::OnMutation(std::string_view op, std::string_view target) {
  PowerLossIfPending();
  const uint64_t call = ++calls_;
  const uint64_t op_call = CountsOp(rules_, false, op) ? CountOf(per_op_, op) : 0;
  if (trace_.empty()) trace_.reserve(64);        // an apply makes 30-60 calls: no regrowth on the way
  MutationEvent& event = trace_.emplace_back();  // filled in place: no temporary event
  event.call = call;
  event.op = op;
  event.target = targets_.Keep(target);
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
  if (!CountsOp(rules_, true, op)) return fixer::Status::Ok();  // no read rule for it: nothing to count
  const uint64_t op_read = CountOf(reads_per_op_, op);
  for (const FaultRule& rule : rules_) {
    if (!rule.read || !rule.op || *rule.op != op || rule.nth != op_read) continue;
    if (rule.kind == FaultKind::kCrash) throw PowerLoss(std::string(op), op_read);
    return fixer::Status::Win(rule.error);
  }
  return fixer::Status::Ok();
}

uint64_t FaultPlan::reads(std::string_view op) const {
  auto it = reads_per_op_.find(op);
  return it == reads_per_op_.end() ? 0 : it->second;
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
