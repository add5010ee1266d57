#include "fakes/acl_propagation.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "fakes/acl_inheritance.h"
#include "fakes/modelling_choices.h"

namespace fakes {
namespace {

constexpr size_t kNoAncestor = static_cast<size_t>(-1);  // the object whose DACL was written

// One object below the written one, as the walk leaves it.
struct Below {
  std::string_view key;
  const SecurableObject* object;
  std::vector<fixer::Ace> dacl;  // its new DACL, when `changed`
  bool changed = false;
  bool left_alone = false;  // protected, or below a protected one
};

bool HoldsInheritedAce(const std::vector<fixer::Ace>& dacl) {
  for (const fixer::Ace& ace : dacl) {
    if (ace.flags & fixer::kInheritedAce) return true;
  }
  return false;
}

// The explicit ACEs of `dacl` in their order, then `inherited`: a DACL as propagation writes it.
std::vector<fixer::Ace> WithInherited(const std::vector<fixer::Ace>& dacl, std::vector<fixer::Ace> inherited) {
  std::vector<fixer::Ace> out;
  out.reserve(dacl.size() + inherited.size());
  for (const fixer::Ace& ace : dacl) {
    if (!(ace.flags & fixer::kInheritedAce)) out.push_back(ace);
  }
  out.insert(out.end(), std::make_move_iterator(inherited.begin()), std::make_move_iterator(inherited.end()));
  return out;
}

}  // namespace

void PropagateInheritableAces(ObjectMap& objects, std::string_view key) {
  // Made once: this runs after every DACL write.
  static const std::string metabase = std::string(fixer::ToString(fixer::ObjectNamespace::kMetabase)) + ":";
  if (key.starts_with(metabase)) return;
  const auto top = objects.find(key);
  if (top == objects.end()) return;
  // The objects below are the keys that begin with the written key and a separator ("c:\" already
  // ends in one): one range of the map, which sorts keys as strings.
  std::string prefix(key);
  if (prefix.back() != '\\') prefix += '\\';
  std::string past = prefix;
  past.back() = static_cast<char>('\\' + 1);
  const auto first = objects.lower_bound(prefix);
  const auto last = objects.lower_bound(past);
  if (first == last) return;

  std::vector<Below> below;
  std::unordered_map<std::string_view, size_t> at;  // key -> its place in `below`
  for (auto it = first; it != last; ++it) {
    // Its parent is the nearest object above it that exists (acl_inheritance.h): each level up to
    // the written object is one look-up.
    size_t parent = kNoAncestor;
    for (size_t cut = it->first.rfind('\\'); cut != std::string::npos && cut >= prefix.size();
         cut = it->first.rfind('\\', cut - 1)) {
      if (auto found = at.find(std::string_view(it->first).substr(0, cut)); found != at.end()) {
        parent = found->second;
        break;
      }
    }
    Below& b = below.emplace_back(Below{.key = it->first, .object = &it->second});
    at.emplace(b.key, below.size() - 1);
    if (parent != kNoAncestor && below[parent].left_alone) {
      b.left_alone = true;
      continue;
    }
    if (!HoldsInheritedAce(b.object->dacl)) {
      RelyOn("choice-protected-dacl");
      b.left_alone = true;
      continue;
    }
    const SecurableObject& from = parent == kNoAncestor ? top->second : *below[parent].object;
    const std::vector<fixer::Ace>& from_dacl =
        parent == kNoAncestor || !below[parent].changed ? from.dacl : below[parent].dacl;
    std::vector<fixer::Ace> dacl =
        WithInherited(b.object->dacl, InheritedDacl(from_dacl, b.object->container, b.object->owner));
    if (dacl != b.object->dacl) {
      b.dacl = std::move(dacl);
      b.changed = true;
    }
  }
  // Written after the walk: a write may copy the map's index, which the keys above point into.
  std::vector<std::pair<std::string, std::vector<fixer::Ace>>> writes;
  for (Below& b : below) {
    if (b.changed) writes.emplace_back(std::string(b.key), std::move(b.dacl));
  }
  for (auto& [written_key, dacl] : writes) objects.Writable(written_key).dacl = std::move(dacl);
}

}  // namespace fakes
