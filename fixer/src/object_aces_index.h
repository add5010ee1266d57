// Lists of objects' ACEs looked up by object: sorted once, each lookup a binary search (a linear
// search per object made a walk of every object quadratic).
#pragma once

#include <algorithm>
#include <span>
#include <vector>

#include "fixer/ports/security.h"

namespace fixer {

class ObjectAcesIndex {
 public:
  // `objects` must outlive the index.
  explicit ObjectAcesIndex(std::span<const ObjectAces> objects) {
    sorted_.reserve(objects.size());
    for (const ObjectAces& o : objects) sorted_.push_back(&o);
    std::sort(sorted_.begin(), sorted_.end(),
              [](const ObjectAces* a, const ObjectAces* b) { return a->object < b->object; });
  }
  // The entry of `object`, or nullptr.
  const ObjectAces* Find(const ObjectRef& object) const {
    const auto at = std::lower_bound(sorted_.begin(), sorted_.end(), object,
                                     [](const ObjectAces* a, const ObjectRef& b) { return a->object < b; });
    return at != sorted_.end() && (*at)->object == object ? *at : nullptr;
  }

 private:
  std::vector<const ObjectAces*> sorted_;
};

}  // namespace fixer
