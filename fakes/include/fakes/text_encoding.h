// Input files in every encoding YAML 1.2 allows (section 5.2): UTF-8, UTF-16 and UTF-32 in
// either byte order, told by a byte order mark or, without one, by where the zero bytes of the
// first character fall. The readers of machine and scenario files take their text through here,
// so a file Notepad saved as "Unicode", or `aspnet-fixer capture > m.json` in Windows PowerShell
// (whose `>` writes UTF-16LE), loads like a UTF-8 one.
//
//   std::string buffer;
//   const std::string_view bytes("\xFF\xFEo\0s\0", 6);  // "os" in UTF-16LE, with its byte order mark
//   fakes::Loaded<std::string_view> text = fakes::TextAsUtf8(bytes, "m.yaml", buffer);
//   // *text.value == "os"; a UTF-8 file comes back as a view of its own bytes, nothing copied
#pragma once

#include <string>
#include <string_view>

#include "fakes/load_result.h"

namespace fakes {

enum class TextEncoding { kUtf8, kUtf16Le, kUtf16Be, kUtf32Le, kUtf32Be };

// The encoding of a file's bytes, as YAML 1.2's table in section 5.2 tells it.
TextEncoding DetectTextEncoding(std::string_view bytes);

// The text of a file's bytes as UTF-8: a UTF-8 file as it is (a view of `bytes`), a UTF-16 or
// UTF-32 one decoded into `buffer` without its byte order mark. A code unit that is no character
// (a lone surrogate, a value past U+10FFFF, a file cut inside a unit) is an error at its line and
// column in the decoded text, with that line as decoded so far as its excerpt (AttachSource).
Loaded<std::string_view> TextAsUtf8(std::string_view bytes, const std::string& file, std::string& buffer);

}  // namespace fakes
