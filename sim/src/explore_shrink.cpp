// Shrinking an explore case (explore.h): drop steps, then machine features, then step
// parameters, then lower numbers, keeping each change under which the same invariant still
// fails; repeated until nothing more can go or the budget of runs is spent.
#include <charconv>

#include "sim/explore.h"

namespace sim {
namespace {

class Shrinker {
 public:
  Shrinker(const std::string& invariant, const PortsDecoratorFactory& decorate, int budget)
      : invariant_(invariant), decorate_(decorate), budget_(budget) {}

  ExploreCase Shrink(ExploreCase best) {
    if (auto v = RunExploreCase(best, decorate_); v.failed_step) best.steps.resize(*v.failed_step + 1);
    for (bool changed = true; changed && budget_ > 0;) {
      changed = false;
      for (size_t i = best.steps.size(); i-- > 0;) changed |= TryWithoutStep(best, i);
      for (size_t i = best.machine.size(); i-- > 0;) changed |= TryWithoutFeature(best, i);
      for (size_t i = 0; i < best.steps.size(); ++i) changed |= SimplerArgs(best, i);
      for (size_t i = 0; i < best.machine.size(); ++i) changed |= LowerFeatureNumber(best, i);
    }
    return best;
  }

 private:
  bool StillFails(const ExploreCase& c) {
    if (budget_-- <= 0) return false;
    const CaseVerdict v = RunExploreCase(c, decorate_);
    return v.failed_step.has_value() && v.invariant == invariant_;
  }

  bool TryWithoutStep(ExploreCase& best, size_t i) {
    if (i >= best.steps.size()) return false;
    ExploreCase candidate = best;
    candidate.steps.erase(candidate.steps.begin() + static_cast<std::ptrdiff_t>(i));
    return Keep(best, std::move(candidate));
  }
  bool TryWithoutFeature(ExploreCase& best, size_t i) {
    if (i >= best.machine.size() || best.machine[i].section == "os") return false;
    ExploreCase candidate = best;
    candidate.machine.erase(candidate.machine.begin() + static_cast<std::ptrdiff_t>(i));
    return Keep(best, std::move(candidate));
  }

  bool Keep(ExploreCase& best, ExploreCase candidate) {
    if (!StillFails(candidate)) return false;
    best = std::move(candidate);
    return true;
  }

  // Each parameter left out (the kind's default), or a whole number lowered (1, half, one less).
  bool SimplerArgs(ExploreCase& best, size_t i) {
    bool changed = false;
    const std::vector<std::string> keys = [&] {
      std::vector<std::string> k;
      for (const auto& [key, value] : best.steps[i].args) k.push_back(key);
      return k;
    }();
    for (const std::string& key : keys) {
      if (best.steps[i].args.size() <= 1) break;  // the map form needs a parameter
      ExploreCase candidate = best;
      candidate.steps[i].args.erase(key);
      if (Keep(best, std::move(candidate))) {
        changed = true;
        continue;
      }
      uint64_t n = 0;
      const std::string& value = best.steps[i].args.at(key);
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || end != value.data() + value.size()) continue;
      for (uint64_t lower : Lower(n)) {
        ExploreCase c = best;
        c.steps[i].args[key] = std::to_string(lower);
        if (Keep(best, std::move(c))) {
          changed = true;
          break;
        }
      }
    }
    return changed;
  }

  // A feature `name: N` with N lowered.
  bool LowerFeatureNumber(ExploreCase& best, size_t i) {
    const std::string& value = best.machine[i].value;
    const auto colon = value.rfind(": ");
    if (colon == std::string::npos) return false;
    uint64_t n = 0;
    auto [end, ec] = std::from_chars(value.data() + colon + 2, value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size()) return false;
    for (uint64_t lower : Lower(n)) {
      ExploreCase c = best;
      c.machine[i].value = value.substr(0, colon + 2) + std::to_string(lower);
      if (Keep(best, std::move(c))) return true;
    }
    return false;
  }

  static std::vector<uint64_t> Lower(uint64_t n) {
    std::vector<uint64_t> out;
    for (uint64_t x : {uint64_t{0}, uint64_t{1}, n / 2, n - 1})
      if (x < n && (out.empty() || out.back() != x)) out.push_back(x);
    return out;
  }

  std::string invariant_;
  const PortsDecoratorFactory& decorate_;
  int budget_;
};

}  // namespace

ExploreCase ShrinkCase(const ExploreCase& c, const std::string& invariant, const PortsDecoratorFactory& decorate,
                       int budget) {
  return Shrinker(invariant, decorate, budget).Shrink(c);
}

}  // namespace sim
