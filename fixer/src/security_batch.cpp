// The Security port's batched calls, for a backend that has only the per-ACE ones: FindAces
// grouped by object, FindAcesOn as one walk of them, one AddAce per ACE, and one AddAces per object.
#include "fixer/ports/security.h"
#include "object_aces_index.h"

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

Result<std::vector<std::vector<Ace>>> Security::FindAcesOn(const Sid& sid, std::span<const ObjectAces> on) {
  auto found = FindAcesByObject(sid);
  if (!found) return found.status();
  const ObjectAcesIndex index(*found);
  std::vector<std::vector<Ace>> out(on.size());
  for (size_t i = 0; i < on.size(); ++i)
    if (const ObjectAces* held = index.Find(on[i].object)) out[i] = held->aces;
  return out;
}

Status Security::AddAces(const ObjectRef& object, std::span<const Ace> aces) {
  for (const Ace& ace : aces) {
    if (Status st = AddAce(object, ace); !st.ok()) return st;
  }
  return {};
}

void Security::AddAcesEach(std::span<const ObjectAces> objects, AceWrites& writes) {
  std::vector<Ace> aces;  // reused for every object
  for (size_t i = 0; i < objects.size(); ++i) {
    aces.clear();
    writes.AcesFor(i, aces);
    writes.Written(i, aces.empty() ? Status() : AddAces(objects[i].object, aces));
  }
}

}  // namespace fixer
