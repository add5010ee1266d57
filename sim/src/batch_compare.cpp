// `if LEFT OP RIGHT`: the comparison operators command extensions (on in XP's cmd) add to `if`.
//
// As Wine's cmd evaluates them (programs/cmd/builtins.c, evaluate_if_comparison): the operator
// in any case; both sides whole numbers (decimal, 0x hex or 0 octal, as wcstol reads them with
// base 0) compare as numbers, anything else as text [S: docs/windows-reference.md#cmd-batch].
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>

#include "batch_detail.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"

namespace sim::batch {
namespace {

// `text` as a number wcstol reads whole with base 0; nullopt when any of it is left over.
std::optional<long long> WholeNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const long long value = std::strtoll(text.c_str(), &end, 0);
  if (end == text.c_str() || *end != '\0') return std::nullopt;
  // Windows' long is 32 bits: past them wcstol saturates, which the interpreter does not model.
  if (errno == ERANGE || value > std::numeric_limits<int32_t>::max() || value < std::numeric_limits<int32_t>::min())
    throw NotUnderstood{"not supported: the number " + fixer::QuotedValue(text) + " in 'if' is beyond 32 bits"};
  return value;
}

}  // namespace

bool IsComparisonOperator(const std::string& word) {
  const std::string op = fixer::FoldWindowsName(word);
  return op == "equ" || op == "neq" || op == "lss" || op == "leq" || op == "gtr" || op == "geq";
}

bool Compare(const std::string& left, const std::string& op_word, const std::string& right, bool ignore_case) {
  const std::string op = fixer::FoldWindowsName(op_word);
  const std::optional<long long> a = WholeNumber(left), b = a ? WholeNumber(right) : std::nullopt;
  if (a && b) {
    if (op == "equ") return *a == *b;
    if (op == "neq") return *a != *b;
    if (op == "lss") return *a < *b;
    if (op == "leq") return *a <= *b;
    if (op == "gtr") return *a > *b;
    return *a >= *b;
  }
  const bool same = ignore_case ? fixer::SameWindowsName(left, right) : left == right;
  if (op == "equ") return same;
  if (op == "neq") return !same;
  // cmd orders text with lstrcmp, the user's locale's collation, which is not byte order.
  throw NotUnderstood{"not supported: '" + op_word +
                      "' on text that is not a number in 'if' (cmd orders text by the locale's collation)"};
}

}  // namespace sim::batch
