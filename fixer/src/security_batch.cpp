// The Security port's batched calls, for a backend that has only the per-ACE ones: FindAces
// grouped by object, and one AddAce per ACE.
#include "fixer/ports/security.h"

namespace fixer {

Result<std::vector<ObjectAces>> Security::FindAcesByObject(const Sid& sid) {
  auto found = FindAces(sid);
  if (!found) return found.status();
  std::vector<ObjectAces> out;
  for (AceGrant& g : *found) {
    if (out.empty() || out.back().object != g.object) out.push_back({std::move(g.object), {}});
    out.back().aces.push_back(std::move(g.ace));
  }
  return out;
}

Status Security::AddAces(const ObjectRef& object, std::span<const Ace> aces) {
  for (const Ace& ace : aces) {
    if (Status st = AddAce(object, ace); !st.ok()) return st;
  }
  return {};
}

}  // namespace fixer
