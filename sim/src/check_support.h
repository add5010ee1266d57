// Helpers shared by the checkers of expectations*.cpp: reading a check's parameters and
// building its result. Private to sim/src.
#pragma once

#include <string>

#include "fakes/load_result.h"
#include "sim/expectations.h"

namespace sim::checks {

// Thrown by a checker that cannot evaluate its check (nothing ran yet ...).
struct BadCheck {
  std::string message;
};

inline std::string Arg(const Expectation& e, const std::string& key, const std::string& fallback = "") {
  auto it = e.args.find(key);
  return it == e.args.end() ? fallback : it->second;
}

inline std::string Need(const Expectation& e, const std::string& key) {
  auto it = e.args.find(key);
  if (it == e.args.end() || it->second.empty()) throw BadCheck{"expect '" + e.kind + "' needs '" + key + "'"};
  return it->second;
}

inline bool Bool(const Expectation& e, const std::string& key, bool fallback) {
  auto it = e.args.find(key);
  if (it == e.args.end()) return fallback;
  if (std::optional<bool> b = fakes::YamlBool(it->second)) return *b;
  throw BadCheck{"expect '" + e.kind + "': '" + key + "' must be true or false"};
}

inline std::string B(bool b) { return b ? "true" : "false"; }

inline CheckResult Compare(const Expectation& e, std::string what, std::string expected, std::string actual) {
  const bool passed = expected == actual;
  return {e.kind, std::move(what), passed, std::move(expected), std::move(actual), e.pos};
}

}  // namespace sim::checks
