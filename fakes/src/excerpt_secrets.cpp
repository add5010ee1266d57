// MaskExcerptSecrets (excerpt_secrets.h): one line of a YAML or JSON file read key by key, with
// what the lines above it leave open.
#include "excerpt_secrets.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <sstream>
#include <utility>

#include "fakes/commands.h"
#include "fixer/name_case.h"
#include "fixer/secret.h"
#include "secret_key_names.h"

namespace fakes {
namespace {

// A registry key's values: each entry's data is a secret, whatever the entry's name.
constexpr std::string_view kDataMapKey = "values";
// A scenario's command line (`command: net user bob PASSWORD`, or `line:` in its map form): shown
// as the console shows it, the password net user sets masked (fakes::MaskedCommandLine).
constexpr std::string_view kCommandKeys[] = {"command", "line"};

// A secret key's value written as a map is the secret all the same (`password: {Pa55}` reads as
// a map holding the key Pa55), but for policy's `password:` map of settings, whose entries these
// name and are shown.
constexpr std::string_view kPolicySettings[] = {"min_length", "complexity", "history", "max_age_days", "min_age_days"};

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// Just past the quote that closes the quoted scalar at `at`, if the line closes it.
std::optional<size_t> QuotedEnd(std::string_view line, size_t at) {
  const char open = line[at];
  for (size_t i = at + 1; i < line.size(); ++i) {
    if (open == '"' && line[i] == '\\') {
      ++i;
    } else if (line[i] == open) {
      if (open == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
        ++i;  // '' is a quote inside a single-quoted scalar
      } else {
        return i + 1;
      }
    }
  }
  return std::nullopt;
}

// Where the value starting at `at` ends: a quoted scalar at its closing quote (the line's end when
// it does not close), a flow collection at its matching bracket, a plain scalar at ` #`, the
// line's end, or inside a flow collection also at `,`, `}` or `]`; trailing spaces left out.
size_t ValueEnd(std::string_view line, size_t at, bool in_flow) {
  if (at >= line.size()) return at;
  const char open = line[at];
  if (open == '\'' || open == '"') return QuotedEnd(line, at).value_or(line.size());
  if (open == '[' || open == '{') {
    int depth = 0;
    for (size_t i = at; i < line.size(); ++i) {
      if (line[i] == '\'' || line[i] == '"') {
        i = QuotedEnd(line, i).value_or(line.size()) - 1;
      } else if (line[i] == '[' || line[i] == '{') {
        ++depth;
      } else if ((line[i] == ']' || line[i] == '}') && --depth == 0) {
        return i + 1;
      }
    }
    return line.size();
  }
  size_t i = at;
  while (i < line.size() && !(in_flow && (line[i] == ',' || line[i] == '}' || line[i] == ']')) &&
         !(line[i] == '#' && i > at && IsSpace(line[i - 1])))
    ++i;
  while (i > at && IsSpace(line[i - 1])) --i;
  return i;
}

// A mapping key at `at` (quoted, or plain up to a `:` followed by a space or the line's end): its
// name and where its value starts, past the spaces.
struct Key {
  std::string_view name;
  size_t value = 0;
};

std::optional<Key> KeyAt(std::string_view line, size_t at, bool in_flow) {
  if (at >= line.size()) return std::nullopt;
  size_t name_begin = at, name_end = 0, i = 0;
  if (line[at] == '\'' || line[at] == '"') {
    const std::optional<size_t> close = QuotedEnd(line, at);
    if (!close) return std::nullopt;
    name_begin = at + 1;
    name_end = *close - 1;
    i = *close;
    while (i < line.size() && IsSpace(line[i])) ++i;
    if (i >= line.size() || line[i] != ':') return std::nullopt;
  } else {
    for (i = at; i < line.size(); ++i) {
      const char c = line[i];
      if (c == ':' &&
          (i + 1 == line.size() || IsSpace(line[i + 1]) || (in_flow && (line[i + 1] == ',' || line[i + 1] == '}'))))
        break;
      if ((c == '#' && i > at && IsSpace(line[i - 1])) || c == '{' || c == '[' ||
          (in_flow && (c == ',' || c == '}' || c == ']')))
        return std::nullopt;
    }
    if (i >= line.size()) return std::nullopt;
    name_end = i;
    while (name_end > name_begin && IsSpace(line[name_end - 1])) --name_end;
  }
  ++i;  // the ':'
  while (i < line.size() && IsSpace(line[i])) ++i;
  return Key{line.substr(name_begin, name_end - name_begin), i};
}

// What a line leaves open for the lines below it: the key whose value continues there (a block
// map or a block scalar, an unclosed flow collection or quote, a multi-line plain scalar),
// whether it continues as a flow collection, and whether as a scalar (so the lines below are
// text, whatever they look like).
struct Open {
  std::string key;
  bool flow = false;
  bool scalar = false;
};

// A span of the line to replace by ********; `list`: a flow list or a line of a secret continued,
// each item taken on its own too. `shown`: a command line as the console shows it, instead.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  bool list = false;
  std::optional<std::string> shown = std::nullopt;
  bool unquoted = false;  // TextSpan::unquoted: not added to `taken`
};

// The command line `value` (a YAML scalar, maybe quoted) as the console shows it, if that hides
// something.
std::optional<std::string> MaskedCommand(std::string_view value) {
  const bool quoted =
      value.size() >= 2 && (value.front() == '\'' || value.front() == '"') && value.back() == value.front();
  const std::string line(quoted ? value.substr(1, value.size() - 2) : value);
  std::string shown = MaskedCommandLine(line);
  if (shown == line) return std::nullopt;
  return quoted ? value.front() + shown + value.back() : shown;
}

// One line read left to right: the flow collections open at each point, the key each value
// belongs to, and the values that are secrets.
class LineScan {
 public:
  // `in_values`: the line starts inside a `values:` map the lines above opened (`flow`: as `{`);
  // `in_secret`: inside the map that is the value of that secret key instead.
  LineScan(std::string_view line, bool in_values, bool flow, std::string_view in_secret = {}) : line_(line) {
    if (in_values)
      frames_.push_back({std::string(kDataMapKey), flow, true});
    else if (!in_secret.empty())
      frames_.push_back({std::string(in_secret), flow, false, true});
  }

  void Run() {
    size_t i = 0;
    while (i < line_.size()) {
      const char c = line_[i];
      if (IsSpace(c)) {
        ++i;
      } else if (c == '#' && (i == 0 || IsSpace(line_[i - 1]))) {
        break;  // a comment
      } else if (c == '-' && !InFlow() && (i + 1 == line_.size() || IsSpace(line_[i + 1]))) {
        ++i;  // a block list item
      } else if (c == ',') {
        pending_.reset();
        ++i;
      } else if (c == '}' || c == ']') {
        if (!frames_.empty()) {
          last_key_ = frames_.back().key;  // the collection was this key's value
          last_scalar_ = false;
          frames_.pop_back();
        }
        pending_.reset();
        ++i;
      } else if (auto key = pending_ ? std::nullopt : KeyAt(line_, i, InFlow())) {  // a value is no key
        if (InSecret() && !IsPolicySetting(key->name)) {
          i = SecretEntry(i, *key);
          continue;
        }
        pending_ = std::string(key->name);
        last_key_ = *pending_;
        last_scalar_ = false;
        i = std::max(key->value, i + 1);
      } else {
        i = Value(i);
      }
    }
  }

  const std::vector<Span>& spans() const { return spans_; }

  // What the line leaves open below it (see Open).
  Open Opened() const {
    if (open_quote_) return {*open_quote_, false, true};
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it)
      if (it->flow) return {it->key, true, false};
    return {last_key_, false, last_scalar_};
  }

 private:
  struct Frame {
    std::string key;      // the key whose value the collection is ("" for a list item)
    bool flow = false;    // false: the `values:` block map the lines above opened
    bool data = false;    // a registry key's values: each entry's data is a secret
    bool secret = false;  // a secret key's value, a map: each entry but a policy setting is one
  };

  bool InFlow() const { return !frames_.empty() && frames_.back().flow; }
  bool InSecret() const { return !frames_.empty() && frames_.back().secret; }

  // An entry of a secret map, its key with its value (a key may be the secret: `{Pa55: x}`): one
  // secret, masked whole. Where it ends.
  size_t SecretEntry(size_t at, const Key& key) {
    size_t end = std::max(ValueEnd(line_, key.value, InFlow()), key.value);
    while (end > at && IsSpace(line_[end - 1])) --end;
    spans_.push_back({at, end, true});
    last_key_ = frames_.back().key;  // a value on the lines below continues the secret
    last_scalar_ = true;
    return std::max(end, at + 1);
  }

  size_t Value(size_t i) {
    const char c = line_[i];
    const bool secret_key = pending_ && IsSecretKey(*pending_);
    // An entry's data, or a bare item; in a secret map, any value but a policy setting's.
    const bool data = !frames_.empty() && (frames_.back().data || (frames_.back().secret && !pending_));
    const std::string key = pending_.value_or(InFlow() ? frames_.back().key : last_key_);
    pending_.reset();
    // A map is looked into, its own keys deciding (policy's `password: {min_length: 15}`), but
    // for an entry's data; a list too, but for a secret key's (password_history).
    if (c == '{' && !data) {
      frames_.push_back({key, true, key == kDataMapKey, secret_key});
      return i + 1;
    }
    if (c == '[' && !data && !secret_key) {
      frames_.push_back({key, true, false});
      return i + 1;
    }
    const size_t end = ValueEnd(line_, i, InFlow());
    if ((c == '\'' || c == '"') && !QuotedEnd(line_, i)) open_quote_ = key;
    last_scalar_ = !InFlow();  // `|`, `>` or a plain scalar the lines below may continue
    if ((secret_key || data) && end > i) {
      spans_.push_back({i, end, c == '['});
    } else if (IsCommandKey(key) && end > i) {
      if (auto shown = MaskedCommand(line_.substr(i, end - i))) spans_.push_back({i, end, false, std::move(shown)});
    }
    return std::max(end, i + 1);
  }

  std::string_view line_;
  std::vector<Frame> frames_;
  std::optional<std::string> pending_;  // the key whose value comes next
  std::string last_key_;
  bool last_scalar_ = false;               // last_key_'s value is a block scalar or a plain one
  std::optional<std::string> open_quote_;  // the key of a quoted value the line does not close
  std::vector<Span> spans_;
};

size_t IndentOf(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

bool BlankOrComment(std::string_view line) {
  const size_t first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || line[first] == '#';
}

// What each line above `begin` that holds the line (less indented, nearest first) leaves open.
std::vector<Open> Enclosing(std::string_view text, size_t begin, size_t indent) {
  std::vector<Open> out;
  size_t pos = begin;  // the start of the line below
  while (pos > 0 && indent > 0) {
    size_t end = pos - 1;  // its line break
    if (text[end] == '\n' && end > 0 && text[end - 1] == '\r') --end;
    const size_t brk = end == 0 ? std::string_view::npos : text.find_last_of("\r\n", end - 1);
    const size_t start = brk == std::string_view::npos ? 0 : brk + 1;
    const std::string_view line = text.substr(start, end - start);
    pos = start;
    if (BlankOrComment(line) || IndentOf(line) >= indent) continue;
    indent = IndentOf(line);
    LineScan scan(line, false, false);
    scan.Run();
    out.push_back(scan.Opened());
  }
  return out;
}

// Whether the line is a mapping entry (`key: ...`, maybe as a list item or opening a flow map).
bool IsKeyEntry(std::string_view line) {
  size_t i = IndentOf(line);
  while (i < line.size() && (line[i] == '-' || line[i] == '{' || IsSpace(line[i]))) ++i;
  return KeyAt(line, i, false).has_value() || KeyAt(line, i, true).has_value();
}

// `spans` in the line's order, those that overlap made one: a secret inside a command line the
// console already hides it in is left to the console's view, else the command line is masked whole.
std::vector<Span> Merged(std::vector<Span> spans, std::string_view line) {
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; });
  std::vector<Span> out;
  for (Span& s : spans) {
    if (out.empty() || s.begin >= out.back().end) {
      out.push_back(std::move(s));
      continue;
    }
    Span& last = out.back();
    if (last.shown && s.end <= last.end && last.shown->find(line.substr(s.begin, s.end - s.begin)) == std::string::npos)
      continue;
    last.end = std::max(last.end, s.end);
    last.shown.reset();
    last.list = last.list || s.list;
    last.unquoted = last.unquoted && s.unquoted;
  }
  return out;
}

// Whether the line text[begin, end) of a document that does not parse could hold a secret the scan
// cannot see: the scan found none on it (`scanned_some` false) though it continues a quoted scalar
// or a flow collection whose text from its start holds a secret's key, a registry key's `values`,
// a `net user` command line, an escape or a `?` (however spelled, as far as the text can tell); or
// the line itself holds a complex key (`? password`) or an escaped key (`"pass\x77ord":`). Then the
// line is masked whole: too much rather than too little.
bool MayHideUnseen(std::string_view text, size_t begin, size_t end, bool scanned_some) {
  // Where the quoted scalar or the outermost flow collection open at `begin` starts, if one is.
  constexpr size_t kNone = std::string_view::npos;
  size_t open = kNone;
  char quote = 0;
  int depth = 0;
  for (size_t i = 0; i < begin; ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (quote == '"' && c == '\\')
        ++i;
      else if (c == quote)
        quote = 0;
      if (quote == 0 && depth == 0) open = kNone;
    } else if (c == '#' && (i == 0 || IsSpace(text[i - 1]) || text[i - 1] == '\n' || text[i - 1] == '\r')) {
      while (i + 1 < begin && text[i + 1] != '\n' && text[i + 1] != '\r') ++i;
    } else if ((c == '"' || c == '\'') &&
               (i == 0 || std::string_view(" \t\n\r[{,").find(text[i - 1]) != std::string_view::npos)) {
      quote = c;  // a quote opens a scalar only where one starts (`don't` is plain)
      if (depth == 0) open = i;
    } else if (c == '{' || c == '[') {
      if (depth++ == 0) open = i;
    } else if ((c == '}' || c == ']') && depth > 0) {
      if (--depth == 0) open = kNone;
    }
  }
  const std::string_view line = text.substr(begin, end - begin);
  if (open != kNone && !scanned_some) {
    std::string opened(text.substr(open, end - open));
    std::transform(opened.begin(), opened.end(), opened.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // A password key however spelt or mistyped (`pass_word`, `tempPassword`, `passwrd`) holds "pass"
    // once its separators are out.
    std::string letters = opened;
    std::erase_if(letters, [](char c) { return c == '_' || c == '-' || c == ' '; });
    const bool hides =
        letters.find("pass") != std::string::npos ||
        std::ranges::any_of(SecretKeys(), [&](std::string_view k) { return opened.find(k) != std::string::npos; });
    if (hides || opened.find(kDataMapKey) != std::string::npos || opened.find("user") != std::string::npos ||
        opened.find_first_of("\\?") != std::string::npos)
      return true;
  }
  // On the line itself: `? ` (a complex key) or a double-quoted key with an escape in it.
  char in = quote;
  bool escaped = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in != 0) {
      if (in == '"' && c == '\\') {
        escaped = true;
        ++i;
      } else if (c == in) {
        in = 0;
        size_t k = i + 1;
        while (k < line.size() && IsSpace(line[k])) ++k;
        if (escaped && k < line.size() && line[k] == ':') return true;
      }
    } else if (c == '"' || c == '\'') {
      in = c;
      escaped = false;
    } else if (c == '?' && (i + 1 == line.size() || IsSpace(line[i + 1]))) {
      return true;
    } else if (c == '#' && (i == 0 || IsSpace(line[i - 1]))) {
      break;
    }
  }
  return false;
}

}  // namespace

bool IsSecretKey(std::string_view key) {
  // Any spelling: a key the loader refuses as unknown (`Password:`, `pass_word:`, `passwrd:`) is
  // shown in its error's excerpt.
  return NamesSecretKey(key) || std::ranges::any_of(SecretKeys(), [&](std::string_view secret) {
           return fixer::SameWindowsName(key, secret);
         });
}

bool IsPolicySetting(std::string_view key) {
  return std::find(std::begin(kPolicySettings), std::end(kPolicySettings), key) != std::end(kPolicySettings);
}

bool IsDataMapKey(std::string_view key) { return key == kDataMapKey; }

bool IsCommandKey(std::string_view key) {
  return std::find(std::begin(kCommandKeys), std::end(kCommandKeys), key) != std::end(kCommandKeys);
}

std::string MaskExcerptSecrets(std::string_view text, size_t begin, size_t end, std::vector<std::string>& taken,
                               int& column, const std::optional<std::vector<TextSpan>>& known) {
  const std::string_view line = text.substr(begin, end - begin);
  std::vector<Span> spans;
  if (known) {
    // The parse knows every secret of the document: the line's own keys are still read (a
    // command line shown as the console shows it), what the lines above open is not guessed.
    LineScan scan(line, false, false);
    scan.Run();
    spans = scan.spans();
    for (const TextSpan& k : *known) {
      if (k.end <= begin || k.begin >= end) continue;
      size_t b = std::max(k.begin, begin) - begin, e = std::min(k.end, end) - begin;
      if (k.begin < begin)  // a value continued from a line above: this line's indentation is shown
        while (b < e && IsSpace(line[b])) ++b;
      while (e > b && IsSpace(line[e - 1])) --e;
      if (b < e) spans.push_back({b, e, false, std::nullopt, k.unquoted});
    }
    spans = Merged(std::move(spans), line);
  } else {
    const std::vector<Open> above = Enclosing(text, begin, IndentOf(line));
    // Inside an entry of `values` (a block or multi-line value's data), or continuing a secret
    // key's value on a line of its own (a multi-line password, a password_history list): the
    // whole line is the secret. So is a line the scan cannot vouch for (MayHideUnseen).
    bool whole = std::any_of(above.begin() + std::min<size_t>(1, above.size()), above.end(),
                             [](const Open& o) { return o.key == kDataMapKey; });
    whole = whole || (!above.empty() && IsSecretKey(above[0].key) && (above[0].scalar || !IsKeyEntry(line)));
    if (!whole) {
      const bool in_values = !above.empty() && above[0].key == kDataMapKey;
      const bool in_secret = !above.empty() && IsSecretKey(above[0].key);  // a map's entry: above[0] is no scalar
      LineScan scan(line, in_values, (in_values || in_secret) && above[0].flow,
                    in_secret ? std::string_view(above[0].key) : std::string_view());
      scan.Run();
      spans = scan.spans();
      whole = MayHideUnseen(text, begin, end, !spans.empty());
    }
    if (whole) {
      spans.clear();
      const size_t first = line.find_first_not_of(" \t"), last = line.find_last_not_of(" \t");
      if (first != std::string_view::npos) spans.push_back({first, last + 1, true});
    }
  }

  std::string out(line);
  // Right to left, so each span's place is still where the scan found it.
  for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
    const std::string value = out.substr(it->begin, it->end - it->begin);
    const std::string replacement = it->shown.value_or(std::string(fixer::kMaskedSecret));
    if (it->unquoted) {
      // masked only: nothing a message may quote
    } else if (it->shown) {  // the words the console hides
      std::istringstream words(value);
      for (std::string word; words >> word;)
        if (replacement.find(word) == std::string::npos) taken.push_back(word);
    } else {
      if (it->list) {  // a list's items (or a line's pieces), each as a message may quote it
        for (size_t b = 0; b < value.size();) {
          size_t e = value.find(',', b);
          if (e == std::string::npos) e = value.size();
          const size_t first = value.find_first_not_of(" []{}", b), last = value.find_last_not_of(" []{}", e - 1);
          if (first < e && last != std::string::npos && last >= first)
            taken.push_back(value.substr(first, last - first + 1));
          b = e + 1;
        }
      }
      taken.push_back(value);
    }
    const int first = static_cast<int>(it->begin) + 1, past = static_cast<int>(it->end) + 1;  // 1-based
    if (column >= past)
      column -= (past - first) - static_cast<int>(replacement.size());
    else if (column > first)
      column = first;
    out.replace(it->begin, it->end - it->begin, replacement);
  }
  return out;
}

}  // namespace fakes
