// CheckExpectation, and the checks of checks: any_of (one block passes) and not (the block
// does not pass).
#include "sim/expectations.h"

#include <optional>

#include "check_support.h"
#include "sim/vocabulary.h"

namespace sim {
namespace {

using namespace checks;

struct BlockResult {
  bool passed = true;
  const CheckResult* cannot_evaluate = nullptr;  // the first check that could not be evaluated
  std::string failures;                          // "what: expected X, got Y; ..."
};

BlockResult RunBlock(RunContext& ctx, const std::vector<Expectation>& block, std::vector<CheckResult>& results) {
  results.reserve(results.size() + block.size());  // the pointer below stays valid
  BlockResult out;
  for (const Expectation& e : block) {
    results.push_back(CheckExpectation(ctx, e));
    const CheckResult& r = results.back();
    if (!r.evaluated && !out.cannot_evaluate) out.cannot_evaluate = &r;
    if (r.passed) continue;
    out.passed = false;
    out.failures += (out.failures.empty() ? "" : "; ") + r.what + ": expected " + r.expected + ", got " + r.actual;
  }
  return out;
}

// A check of checks that meets one it cannot evaluate cannot be evaluated either: `not` must
// never turn "nothing ran yet" into a pass.
CheckResult CannotEvaluate(const Expectation& e, const CheckResult& inner) {
  return {e.kind, e.kind, false, "checks that can be evaluated", inner.actual, e.pos, false};
}

// One block passes, whatever the order: a block holding a check that cannot be evaluated does
// not pass, and the others are still tried. None passing, such a block makes the any_of one
// that cannot be evaluated either (as `not`'s block does).
CheckResult AnyOf(RunContext& ctx, const Expectation& e) {
  std::vector<CheckResult> results;
  std::string why;
  std::optional<CheckResult> unevaluated;  // the first block's check that could not be evaluated
  for (size_t i = 0; i < e.blocks.size(); ++i) {
    results.clear();
    const BlockResult b = RunBlock(ctx, e.blocks[i], results);
    if (b.cannot_evaluate && !unevaluated) unevaluated = *b.cannot_evaluate;
    if (b.passed)
      return {e.kind,
              "any of " + std::to_string(e.blocks.size()) + " blocks",
              true,
              "one block passes",
              "block " + std::to_string(i + 1) + " passes",
              e.pos};
    why += (why.empty() ? "" : " | ") + std::string("block ") + std::to_string(i + 1) + ": " + b.failures;
  }
  if (unevaluated) return CannotEvaluate(e, *unevaluated);
  return {e.kind, "any of " + std::to_string(e.blocks.size()) + " blocks", false, "one block passes", why, e.pos};
}

CheckResult Not(RunContext& ctx, const Expectation& e) {
  std::vector<CheckResult> results;
  const BlockResult b = RunBlock(ctx, e.blocks.at(0), results);
  if (b.cannot_evaluate) return CannotEvaluate(e, *b.cannot_evaluate);
  std::string checks;
  for (const CheckResult& r : results) checks += (checks.empty() ? "" : " and ") + r.what + " " + r.expected;
  return {e.kind,
          "not (" + checks + ")",
          !b.passed,
          "it does not hold",
          b.passed ? "it holds" : "it does not: " + b.failures,
          e.pos};
}

}  // namespace

std::vector<Word> LogicCheckWords() {
  return {
      {.name = "any_of",
       .scalar_arg = "",
       .params = {},
       .doc =
           "one of the blocks passes (every check in it passes), whatever their order; a block holding a check "
           "that cannot be evaluated does not pass, and when no block passes the `any_of` cannot be evaluated either",
       .check = AnyOf,
       .nesting = Nesting::kAnyOf},
      {.name = "not",
       .scalar_arg = "",
       .params = {},
       .doc = "the block does not pass: one of its checks fails (`not: {status: 200}`: any status but 200); a "
              "check in it that cannot be evaluated fails the `not` too",
       .check = Not,
       .nesting = Nesting::kNot},
  };
}

CheckResult CheckExpectation(RunContext& ctx, const Expectation& e) {
  const Word* word = FindExpect(e.kind);
  if (!word || !word->check) return {e.kind, e.kind, false, "a known check", "unknown check", e.pos, false};
  if (word->nesting != Nesting::kNone && e.blocks.empty())
    return {e.kind, e.kind, false, "a block of checks", "no block", e.pos, false};
  try {
    return word->check(ctx, e);
  } catch (const BadCheck& bad) {
    return {e.kind, e.kind, false, "a check that can be evaluated", bad.message, e.pos, false};
  }
}

}  // namespace sim
