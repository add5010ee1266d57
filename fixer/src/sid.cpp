#include "fixer/sid.h"

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "fixer/quoted_value.h"

namespace fixer {
namespace {
constexpr size_t kMaxSubAuthorities = 15;  // SID_MAX_SUB_AUTHORITIES (MS-DTYP 2.4.2)

// "00" "01" ... "99": two digits per division.
constexpr std::array<char, 200> kDigitPairs = [] {
  std::array<char, 200> pairs{};
  for (int i = 0; i < 100; ++i) {
    pairs[2 * i] = static_cast<char>('0' + i / 10);
    pairs[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return pairs;
}();

// Writes `v` in decimal to end just before `end`; returns where it starts.
template <typename Unsigned>
char* DecimalBefore(char* end, Unsigned v) {
  while (v >= 100) {
    end -= 2;
    std::copy_n(kDigitPairs.data() + 2 * (v % 100), 2, end);
    v /= 100;
  }
  if (v >= 10) {
    end -= 2;
    std::copy_n(kDigitPairs.data() + 2 * v, 2, end);
  } else {
    *--end = static_cast<char>('0' + v);
  }
  return end;
}
// The sub-authorities of every SID longer than a Sid holds inline, once each, for the life of the
// process: a Sid names one by index, so it stays a value copied as bytes, and equal indexes mean
// equal SIDs. No machine of the model has one (account SIDs have five); parsed input may. Reads
// take no lock: a chunk, once published, never moves, and an entry is written before its index
// is handed out.
class LongSidPool {
 public:
  static LongSidPool& Get() {
    static LongSidPool* pool = new LongSidPool;  // never destroyed: Sids may outlive static destructors
    return *pool;
  }

  uint32_t IndexOf(std::span<const uint32_t> subs) {
    std::lock_guard<std::mutex> lock(mu_);
    auto [it, added] = index_.try_emplace(std::vector<uint32_t>(subs.begin(), subs.end()), size_);
    if (!added) return it->second;
    if (size_ == kChunks * kChunkSize) throw std::length_error("more distinct long SIDs than a process keeps");
    Chunk* chunk = chunks_[size_ / kChunkSize].load(std::memory_order_acquire);
    if (!chunk) {
      chunk = new Chunk;
      chunks_[size_ / kChunkSize].store(chunk, std::memory_order_release);
    }
    (*chunk)[size_ % kChunkSize] = it->first.data();
    return size_++;
  }

  const uint32_t* At(uint32_t index) const {
    return (*chunks_[index / kChunkSize].load(std::memory_order_acquire))[index % kChunkSize];
  }

 private:
  static constexpr size_t kChunkSize = 1024;
  static constexpr size_t kChunks = 16384;  // 16M distinct long SIDs
  using Chunk = std::array<const uint32_t*, kChunkSize>;

  std::mutex mu_;
  std::map<std::vector<uint32_t>, uint32_t> index_;  // a map node's key never moves: At points into it
  uint32_t size_ = 0;
  std::array<std::atomic<Chunk*>, kChunks> chunks_{};
};
}  // namespace

std::string MalformedSidText(std::string_view text) {
  return "malformed SID " + QuotedValue(text) + "; expected S-1-<authority>-<subauthority>...";
}

std::string MalformedSidError(std::string_view text) {
  return MalformedSidText(text) + " (" + Status::Win(kErrorInvalidSid).ToString() + ")";
}

Result<Sid> Sid::Parse(std::string_view text) {
  auto invalid = [] { return Status::Win(kErrorInvalidSid); };
  if (text.size() < 4 || (text[0] != 'S' && text[0] != 's') || text[1] != '-') return invalid();
  // Revision 1, an authority, and 1..15 sub-authorities of 32 bits (MS-DTYP 2.4.2); read in one
  // pass into fixed arrays (no vector per parse: the journal's SIDs are parsed on every step).
  // A number past 2^48 is no revision, authority or sub-authority, so the digits stop counting
  // there (no overflow, whatever their number).
  constexpr uint64_t kTooLarge = uint64_t{1} << 48;
  uint64_t parts[2] = {};
  uint32_t subs[kMaxSubAuthorities];
  size_t count = 0;  // numbers read so far
  size_t pos = 2;
  while (true) {
    uint64_t v = 0;
    const size_t first = pos;
    for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
      if (v < kTooLarge) v = v * 10 + static_cast<uint64_t>(text[pos] - '0');
    }
    if (pos == first || v >= kTooLarge) return invalid();  // an empty part, or a number too large
    if (count < 2) {
      parts[count] = v;
    } else {
      if (count - 2 == kMaxSubAuthorities) return invalid();  // a 16th sub-authority
      if (v > UINT32_MAX) return invalid();
      subs[count - 2] = static_cast<uint32_t>(v);
    }
    ++count;
    if (pos == text.size()) break;
    if (text[pos] != '-') return invalid();  // anything but a digit or a dash
    ++pos;
  }
  if (count < 3 || parts[0] != 1) return invalid();
  return Sid(parts[1], std::span<const uint32_t>(subs, count - 2));
}

Sid::Sid(uint64_t authority, std::span<const uint32_t> sub_authorities)
    : head_(Head(authority, sub_authorities.size())) {
  if (Pooled()) {
    inline_[0] = LongSidPool::Get().IndexOf(sub_authorities);
  } else {
    std::copy(sub_authorities.begin(), sub_authorities.end(), inline_);  // zero past them
  }
}

const uint32_t* Sid::PooledSubAuthorities(uint32_t index) { return LongSidPool::Get().At(index); }

Sid Sid::WithRid(uint32_t rid) const {
  const auto own = sub_authorities();
  if (own.size() >= kMaxSubAuthorities) {  // past what Parse accepts: still a value, pooled
    std::vector<uint32_t> subs(own.begin(), own.end());
    subs.push_back(rid);
    return Sid(authority(), subs);
  }
  uint32_t subs[kMaxSubAuthorities];  // no vector: every account lookup extends the machine SID
  std::copy(own.begin(), own.end(), subs);
  subs[own.size()] = rid;
  return Sid(authority(), std::span<const uint32_t>(subs, own.size() + 1));
}

Sid Sid::Domain() const {
  if (!IsAccountSid()) return *this;
  return Sid(authority(), sub_authorities().first(count() - 1));
}

std::string Sid::ToString() const {
  const auto subs = sub_authorities();
  if (subs.size() > kMaxSubAuthorities) {  // only WithRid makes one: the first 15, then the rest
    std::string text = Sid(authority(), subs.first(kMaxSubAuthorities)).ToString();
    for (uint32_t s : subs.subspan(kMaxSubAuthorities)) text += "-" + std::to_string(s);
    return text;
  }
  // Written backwards into one buffer (no digit counting, no temporaries), then one allocation:
  // SIDs are printed into every journal record, log line and mutation's target.
  char buf[4 + 20 + kMaxSubAuthorities * 11];  // "S-1-", a 48-bit authority, 15 "-<uint32>"
  char* const end = buf + sizeof buf;
  char* out = end;
  if (subs.empty()) {  // the null SID prints as S-1-0-0
    out -= 2;
    std::copy_n("-0", 2, out);
  }
  for (size_t i = subs.size(); i-- > 0;) {
    out = DecimalBefore(out, subs[i]);
    *--out = '-';
  }
  out = DecimalBefore(out, authority());
  out -= 4;
  std::copy_n("S-1-", 4, out);
  return std::string(out, end);
}

std::ostream& operator<<(std::ostream& os, const Sid& s) { return os << s.ToString(); }

}  // namespace fixer

size_t std::hash<fixer::Sid>::operator()(const fixer::Sid& s) const noexcept {
  size_t h = std::hash<uint64_t>()(s.authority());
  for (uint32_t v : s.sub_authorities()) h = h * 1000003u ^ v;
  return h;
}
