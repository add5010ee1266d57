#include "found_objects.h"

#include <cstring>
#include <tuple>
#include <type_traits>

namespace fakes {
namespace {

// Appends each field to the buffer.
class Writer {
 public:
  explicit Writer(std::vector<char>& out) : out_(out) {}
  void Bytes(const void* p, size_t n) {
    const char* c = static_cast<const char*>(p);
    out_.insert(out_.end(), c, c + n);
  }

 private:
  std::vector<char>& out_;
};

// Reads the buffer back, comparing each field with the one a Writer wrote there.
class Comparer {
 public:
  explicit Comparer(const std::vector<char>& flat) : at_(flat.data()), end_(flat.data() + flat.size()) {}
  void Bytes(const void* p, size_t n) {
    if (!same_) return;
    same_ = static_cast<size_t>(end_ - at_) >= n && std::memcmp(at_, p, n) == 0;
    at_ += same_ ? n : 0;
  }
  bool ok() const { return same_; }
  bool AtEnd() const { return same_ && at_ == end_; }

 private:
  const char* at_;
  const char* end_;
  bool same_ = true;
};

template <class Sink, class T>
void Pod(Sink& sink, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  sink.Bytes(&value, sizeof value);
}

// The length first, so that "ab" "c" and "a" "bc" differ.
template <class Sink>
void Text(Sink& sink, std::string_view s) {
  Pod(sink, s.size());
  sink.Bytes(s.data(), s.size());
}

template <class Sink>
void SidFields(Sink& sink, const Sid& sid) {
  const auto subs = sid.sub_authorities();
  Pod(sink, sid.authority());
  Pod(sink, subs.size());
  sink.Bytes(subs.data(), subs.size_bytes());
}

// The one layout of an object, for writing and for comparing. The bindings name every field of
// SecurableObject (and FieldsButObjects every one of MachineState): a field added to either makes
// them fail to compile, so no field can be silently left out of the comparison.
template <class Sink>
void ObjectFields(Sink& sink, const std::string& key, const SecurableObject& object) {
  const auto& [ns, path, container, owner, dacl, values] = object;
  Text(sink, key);
  Pod(sink, ns);
  Text(sink, path);
  Pod(sink, container);
  SidFields(sink, owner);
  Pod(sink, dacl.size());
  for (const fixer::Ace& ace : dacl) {
    const auto& [type, sid, mask, flags] = ace;
    Pod(sink, type);
    SidFields(sink, sid);
    Pod(sink, mask);
    Pod(sink, flags);
  }
  Pod(sink, values.size());
  for (const auto& [name, data] : values) {
    Text(sink, name);
    Text(sink, data);
  }
}

auto FieldsButObjects(const MachineState& s) {
  const auto& [seed, rng_state, clock, sam, lsa, profiles, objects, sql, services, products, session, events, journal,
               capture] = s;
  return std::tie(seed, rng_state, clock, sam, lsa, profiles, sql, services, products, session, events, journal,
                  capture);
}

}  // namespace

std::vector<char> FlattenObjects(const ObjectMap& objects) {
  std::vector<char> flat;
  flat.reserve(objects.size() * 160);  // a typical object: a key, a path, three or four ACEs
  Writer writer(flat);
  for (const auto& [key, object] : objects) ObjectFields(writer, key, object);
  return flat;
}

bool SameObjects(const ObjectMap& objects, const std::vector<char>& flat) {
  Comparer comparer(flat);
  for (const auto& [key, object] : objects) {
    ObjectFields(comparer, key, object);
    if (!comparer.ok()) return false;
  }
  return comparer.AtEnd();
}

bool SameExceptObjects(const MachineState& a, const MachineState& b) {
  return FieldsButObjects(a) == FieldsButObjects(b);
}

}  // namespace fakes
