// RunExplore (explore.h): cases on worker threads, sharded like GoogleTest, the first violation
// of each invariant shrunk and written as a scenario file, and the report.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/shell_words.h"
#include "fakes/atomic_file.h"
#include "fakes/load_result.h"
#include "sim/explore.h"

namespace sim {
namespace {

using Clock = std::chrono::steady_clock;

// Writes a shrunk scenario through the one atomic write (a unique temporary name, fsync'd):
// no half-written scenario is left, and two explores writing one folder never collide.
bool WriteWhole(const std::filesystem::path& path, const std::string& text) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  return fakes::WriteFileAtomically(path.string(), text).ok();
}

size_t FixerSteps(const ExploreCase& c, size_t steps_run) {
  size_t n = 0;
  for (size_t i = 0; i < std::min(steps_run, c.steps.size()); ++i) n += c.steps[i].kind == "fixer";
  return n;
}

struct Tally {
  uint64_t cases = 0, cut_short = 0, not_loaded = 0, fixer_runs = 0;
  std::vector<ExploreViolation> violations;
};

}  // namespace

std::string ExploreViolation::ReplayCommand() const {
  return app::ShellCommand({"fixup-sim", "explore", "--seed", std::to_string(seed), "--case", std::to_string(index)});
}

std::string ExploreViolation::ToString() const {
  std::string out = "VIOLATION seed " + std::to_string(seed) + " case " + std::to_string(index) + " step " +
                    std::to_string(found.failed_step.value_or(0) + 1) + ": " + found.detail +
                    "\n  replay: " + ReplayCommand();
  if (shrunk_verdict.failed_step)
    out += "\n  shrunk: " + std::to_string(shrunk.steps.size()) + " steps, " + std::to_string(shrunk.machine.size()) +
           " machine features" + (file.empty() ? "" : ", written to " + fakes::EscapeForMessage(file));
  return out;
}

nlohmann::ordered_json ExploreReport::ToJson() const {
  nlohmann::ordered_json j;
  j["seed"] = seed;
  j["cases"] = cases;
  j["cut_short"] = cut_short;
  j["not_loaded"] = not_loaded;
  j["fixer_runs"] = fixer_runs;
  j["seconds"] = seconds;
  j["violations"] = nlohmann::ordered_json::array();
  for (const ExploreViolation& v : violations) {
    nlohmann::ordered_json o;
    o["seed"] = v.seed;
    o["case"] = v.index;
    o["step"] = v.found.failed_step.value_or(0) + 1;
    o["invariant"] = v.found.invariant;
    o["detail"] = v.found.detail;
    o["replay"] = v.ReplayCommand();
    if (v.shrunk_verdict.failed_step) {
      o["shrunk"] = {{"steps", v.shrunk.steps.size()},
                     {"machine_features", v.shrunk.machine.size()},
                     {"detail", v.shrunk_verdict.detail},
                     {"file", v.file},
                     {"scenario", ScenarioFileText(v.shrunk, v.shrunk_verdict)}};
    }
    j["violations"].push_back(std::move(o));
  }
  j["errors"] = errors;
  return j;
}

ExploreReport RunExplore(const ExploreOptions& o) {
  const auto start = Clock::now();
  // Capped: a double past the clock's range cast to its nanoseconds is undefined (1e10 wrapped
  // to a deadline already past, and ran one case).
  const auto budget = std::chrono::duration<double>(std::min(o.seconds, kMaxExploreSeconds));
  const auto deadline = start + std::chrono::duration_cast<Clock::duration>(budget);
  const bool timed = o.seconds > 0 && !o.only_case;
  ExploreReport report;
  report.seed = o.seed;

  // Case numbers in order; shard k of n takes every n-th, from the k-th (GoogleTest's protocol).
  std::atomic<uint64_t> next{0};
  auto next_index = [&]() -> std::optional<uint64_t> {
    if (o.only_case) return next++ == 0 ? std::optional<uint64_t>(*o.only_case) : std::nullopt;
    const uint64_t k = next++;
    if (!timed && k >= (o.count + o.shard_count - 1 - o.shard_index) / o.shard_count) return std::nullopt;
    // A time budget, however short, runs the shard's first case: "0 violations" of 0 cases would
    // read as a check that passed.
    if (timed && k > 0 && Clock::now() >= deadline) return std::nullopt;
    return o.shard_index + k * o.shard_count;
  };
  const uint64_t total = o.only_case ? 1 : timed ? 0 : (o.count + o.shard_count - 1 - o.shard_index) / o.shard_count;

  std::mutex mutex;
  Tally all;
  auto worker = [&] {
    Tally mine;
    for (auto index = next_index(); index; index = next_index()) {
      const ExploreCase c = GenerateCase(o.seed, *index);
      const CaseVerdict v = RunExploreCase(c, o.decorate);
      ++mine.cases;
      mine.not_loaded += !v.loaded;
      mine.cut_short += v.cut_short;
      mine.fixer_runs += FixerSteps(c, v.steps_run);
      if (v.failed_step) mine.violations.push_back({o.seed, *index, v, {}, {}, ""});
      if (o.progress) {
        std::lock_guard<std::mutex> lock(mutex);
        o.progress(all.cases + mine.cases, total);
      }
    }
    std::lock_guard<std::mutex> lock(mutex);
    all.cases += mine.cases;
    all.cut_short += mine.cut_short;
    all.not_loaded += mine.not_loaded;
    all.fixer_runs += mine.fixer_runs;
    for (auto& v : mine.violations) all.violations.push_back(std::move(v));
  };
  std::vector<std::thread> threads;
  for (int j = 1; j < std::max(1, o.jobs); ++j) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();

  std::sort(all.violations.begin(), all.violations.end(),
            [](const ExploreViolation& a, const ExploreViolation& b) { return a.index < b.index; });
  // The first violation of each invariant is shrunk (the others are most likely the same bug).
  std::vector<std::string> shrunk_invariants;
  for (ExploreViolation& v : all.violations) {
    if (!o.shrink || std::count(shrunk_invariants.begin(), shrunk_invariants.end(), v.found.invariant)) continue;
    shrunk_invariants.push_back(v.found.invariant);
    v.shrunk = ShrinkCase(GenerateCase(v.seed, v.index), v.found.invariant, o.decorate);
    v.shrunk_verdict = RunExploreCase(v.shrunk, o.decorate);
    if (o.out_dir.empty() || !v.shrunk_verdict.failed_step) continue;
    const std::filesystem::path path =
        std::filesystem::path(o.out_dir) /
        ("explore-seed-" + std::to_string(v.seed) + "-case-" + std::to_string(v.index) + ".yaml");
    if (WriteWhole(path, ScenarioFileText(v.shrunk, v.shrunk_verdict)))
      v.file = path.string();
    else
      report.errors.push_back("cannot write " + path.string());
  }
  report.cases = all.cases;
  report.cut_short = all.cut_short;
  report.not_loaded = all.not_loaded;
  report.fixer_runs = all.fixer_runs;
  report.violations = std::move(all.violations);
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return report;
}

}  // namespace sim
