// The NT hashes of the words a run printed, for the `legacy` step's scan for a password a batch
// file made up and printed (NoAccountPasswordIn, sim/invariants.h).
//
//   sim::PrintedWordHashes printed;
//   std::vector<std::string> output = {"net user ASPNET Xq#Secret5 /add"};
//   printed.CatchUp(output);
//   bool leaked = printed.Holds(fakes::NtHash("Xq#Secret5"));   // true (fakes/password_rules.h)
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <unordered_set>

namespace sim {

// The NT hashes of the words a run printed (of fixer::kSecretBytesMaskedAnywhere bytes or more, as the
// secrets the invariant looks for; quotes around one taken off).
// The run's output only grows: each text is hashed once, when a check first reaches it, so a
// check at every `legacy` step of a run costs the new output, not the whole.
class PrintedWordHashes {
 public:
  // Hashes the texts past those already hashed (`texts` holds them first, as all_output does).
  void CatchUp(std::span<const std::string> texts);
  bool Holds(const std::string& hash) const { return hashes_.count(hash) != 0; }

 private:
  size_t texts_hashed_ = 0;
  std::unordered_set<std::string> hashes_;
};

}  // namespace sim
