// Where a YAML document holds its secrets, found by parsing it: for an error's excerpt
// (MaskExcerptSecrets), whatever the lines look like. Each scalar under a secret key, however the
// key is spelled (quoted, escaped, any case), each entry of a secret map but a policy setting,
// the data of each entry of a registry key's `values:` map, and the password words a `net user`
// command line (`command:`, `line:`) sets, each as the bytes of the text it was written as: a
// quoted scalar to its closing quote, a value continued on the lines below with them.
//
//   std::vector<std::string> values;
//   auto spans = SecretSpansOf("a: {\"pass\\x77ord\": s3cret, x: 1}\n", values);
//   // spans: {{20, 26}} (s3cret); values: {"s3cret"}
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "excerpt_secrets.h"

namespace fakes {

// The secrets of `text` as spans of it, their values (as parsed) added to `values`; nullopt when
// the text does not parse, so that what holds a secret cannot be known. With `hidden_key_line`
// (1-based; 0 for none), the whole value of the key written at that line and column (an unknown
// key an error is at) is a span too, its text not added to `values`.
std::optional<std::vector<TextSpan>> SecretSpansOf(std::string_view text, std::vector<std::string>& values,
                                                   int hidden_key_line = 0, int hidden_key_column = 0);

}  // namespace fakes
