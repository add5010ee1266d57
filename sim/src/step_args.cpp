#include <charconv>

#include "fakes/load_result.h"
#include "fixer/quoted_value.h"
#include "sim/steps.h"

namespace sim {

std::string Arg(const Step& step, const std::string& key, const std::string& fallback) {
  auto it = step.args.find(key);
  return it == step.args.end() ? fallback : it->second;
}

std::string RequiredArg(const Step& step, const std::string& key) {
  auto it = step.args.find(key);
  if (it == step.args.end() || it->second.empty())
    throw StepError{"step " + fixer::QuotedValue(step.kind) + " needs " + fixer::QuotedValue(key)};
  return it->second;
}

long long IntArg(const Step& step, const std::string& key, long long fallback) {
  auto it = step.args.find(key);
  if (it == step.args.end()) return fallback;
  long long v = 0;
  const auto& s = it->second;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size())
    throw StepError{"step " + fixer::QuotedValue(step.kind) + ": " + fixer::QuotedValue(key) +
                    " must be a whole number, not " + fixer::QuotedValue(s)};
  return v;
}

bool BoolArg(const Step& step, const std::string& key, bool fallback) {
  auto it = step.args.find(key);
  if (it == step.args.end()) return fallback;
  if (std::optional<bool> b = fakes::YamlBool(it->second)) return *b;
  throw StepError{"step " + fixer::QuotedValue(step.kind) + ": " + fixer::QuotedValue(key) +
                  " must be true or false, not " + fixer::QuotedValue(it->second)};
}

std::string StepDone(const fixer::Status& st, const std::string& what) {
  return what + (st.ok() ? ": ok" : ": " + st.ToString());
}

}  // namespace sim
