#include "fakes/acl_propagation.h"

#include <algorithm>
#include <string>
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

// Whether `dacl` already is WithInherited(dacl, inherited): its explicit ACEs first, then exactly
// `inherited` (checked in place: most objects below a write need no new DACL).
bool AlreadyWithInherited(const std::vector<fixer::Ace>& dacl, const std::vector<fixer::Ace>& inherited) {
  if (dacl.size() < inherited.size()) return false;
  const size_t explicit_count = dacl.size() - inherited.size();
  for (size_t i = 0; i < explicit_count; ++i) {
    if (dacl[i].flags & fixer::kInheritedAce) return false;
  }
  return std::equal(inherited.begin(), inherited.end(), dacl.begin() + static_cast<std::ptrdiff_t>(explicit_count));
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
  // ends in one): one range of the map, which sorts keys as strings. One string makes both bounds.
  std::string bound(key);
  if (bound.back() != '\\') bound += '\\';
  const size_t prefix_size = bound.size();
  const auto first = objects.lower_bound(bound);
  bound.back() = static_cast<char>('\\' + 1);
  const auto last = objects.lower_bound(bound);
  if (first == last) return;

  // `below` is in the map's order, so an object's place is found there by a binary search of its
  // key (no index of its own: the range is a few objects).
  std::vector<Below> below;
  const auto place_of = [&below](std::string_view k) {
    const auto it = std::lower_bound(below.begin(), below.end(), k,
                                     [](const Below& b, std::string_view want) { return b.key < want; });
    return it != below.end() && it->key == k ? static_cast<size_t>(it - below.begin()) : kNoAncestor;
  };
  for (auto it = first; it != last; ++it) {
    // Its parent is the nearest object above it that exists (acl_inheritance.h): each level up to
    // the written object is one look-up.
    size_t parent = kNoAncestor;
    for (size_t cut = it->first.rfind('\\'); cut != std::string::npos && cut >= prefix_size;
         cut = it->first.rfind('\\', cut - 1)) {
      if (const size_t found = place_of(std::string_view(it->first).substr(0, cut)); found != kNoAncestor) {
        parent = found;
        break;
      }
    }
    Below& b = below.emplace_back(Below{.key = it->first, .object = &it->second});
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
    std::vector<fixer::Ace> inherited = InheritedDacl(from_dacl, b.object->container, b.object->owner);
    if (!AlreadyWithInherited(b.object->dacl, inherited)) {
      b.dacl = WithInherited(b.object->dacl, std::move(inherited));
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
