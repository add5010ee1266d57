// The one XML read the aspnet port needs: an attribute of the first element of a name in a
// .config file (<processModel userName="machine" .../>), outside comments. Not a parser: enough
// for machine.config and web.config as Microsoft ships them. Pure text: tested on the host.
//
//   std::optional<std::string> user = win32::FindXmlAttribute(text, "processModel", "userName");  // "machine"
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace win32 {

// Element and attribute names compare case-sensitively, as XML does; the value is returned
// with the five predefined entities (&amp; &lt; &gt; &quot; &apos;) decoded.
std::optional<std::string> FindXmlAttribute(std::string_view text, std::string_view element,
                                            std::string_view attribute);

}  // namespace win32
