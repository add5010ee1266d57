// Options: how the operator asked the fixer to repair the machine.
//
// keep-sid (default) keeps the worker account and its SID, so every custom ACL and database
// grant keeps working; recreate deletes and recreates it as fixup.cmd does, then re-grants
// everything recorded against the old SID to the new one.
//
//   fixer::Options opt;
//   opt.strategy = fixer::Strategy::kRecreate;
//   opt.temp_password = fixer::Secret::FromString("typed by the operator");  // else a random one
//   opt.dry_run = true;                                     // print the plan, change nothing
#pragma once

#include <optional>
#include <string_view>

#include "fixer/result.h"
#include "fixer/secret.h"

namespace fixer {

enum class Strategy { kKeepSid, kRecreate };
std::string_view ToString(Strategy s);                    // "keep-sid", "recreate"
Result<Strategy> StrategyFromString(std::string_view s);  // 87 for anything else

struct Options {
  Strategy strategy = Strategy::kKeepSid;
  // The operator's temporary password; must pass the local policy or the run is refused.
  std::optional<Secret> temp_password;
  bool dry_run = false;
  friend bool operator==(const Options&, const Options&) = default;
};

}  // namespace fixer
