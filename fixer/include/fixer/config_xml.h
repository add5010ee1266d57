// The XML of a .config file (machine.config, web.config) read as an XML 1.0 processor reads it:
// UTF-8 or UTF-16 (by its byte order mark), character and entity references decoded, comments,
// CDATA and processing instructions skipped, and a document that is not well-formed refused with
// 13 (ERROR_INVALID_DATA) and where. Pure text: the Win32 backend reads machine.config through it,
// and the host's tests run it.
//
//   fixer::Result<fixer::ProcessModelConfig> pm = fixer::ReadProcessModel(
//       R"(<configuration><system.web><processModel userName="&#x53;YSTEM"/></system.web></configuration>)");
//   // pm->user_name == "SYSTEM", pm->password == "AutoGenerate" (the default), pm->enable == true
//   auto mode = fixer::ReadSystemWebAttribute("<configuration/>", "sessionState", "mode");  // nullopt
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fixer/ports/aspnet.h"
#include "fixer/result.h"

namespace fixer {

// One element of the document: its path from the root ("configuration/system.web/processModel")
// and its attributes, values decoded, in the order written.
struct ConfigElement {
  std::string path;
  std::vector<std::pair<std::string, std::string>> attributes;
  const std::string* Attribute(std::string_view name) const;  // nullptr when absent
};

// Every element of `bytes` (the file as read from disk) in document order; 13 with the reason and
// line when it is not well-formed (a repeated attribute, an unknown entity, a tag left open, text
// in an encoding other than UTF-8 or UTF-16).
Result<std::vector<ConfigElement>> ParseConfigXml(std::string_view bytes);

// machine.config's <processModel>, the one at configuration/system.web/processModel (any other
// place is not the section); its defaults when absent. Given twice: 13, as the worker's identity
// would then be a guess (choice-processmodel-twice).
Result<ProcessModelConfig> ReadProcessModel(std::string_view machine_config_bytes);

// The attribute of the <system.web> section `section` (configuration/system.web/<section>):
// nullopt when the section or the attribute is absent, or the file is not well-formed XML.
std::optional<std::string> ReadSystemWebAttribute(std::string_view config_bytes, std::string_view section,
                                                  std::string_view attribute);

}  // namespace fixer
