// journal_codec: how the fixer writes what an undo needs into JournalRecord::data, which is a
// flat map of strings. Lists are comma-joined, records are '|'-joined fields, and the
// separators are %-escaped, so any name or path survives a round trip. Never put a password
// here: the journal is written to disk in clear.
//
//   fixer::StepData data;
//   fixer::AceGrant grant{{fixer::ObjectNamespace::kFile, R"(C:\app)"}, {}};
//   data["services"] = fixer::JoinList({"W3SVC", "IISADMIN"});       // "W3SVC,IISADMIN"
//   data["ace.0"] = fixer::EncodeAce(grant);   // "file|C:\app|allow|S-1-5-...|0x1301bf|0x3"
//   fixer::Result<fixer::AceGrant> back = fixer::DecodeAce(data["ace.0"]);  // 87 if malformed
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fixer/ports/accounts.h"
#include "fixer/ports/security.h"
#include "fixer/result.h"

namespace fixer {

using StepData = std::map<std::string, std::string>;

std::string EscapeField(std::string_view s);   // escapes % | , ; CR LF
std::string UnescapeField(std::string_view s);

std::string JoinList(const std::vector<std::string>& items);  // "" for an empty list
std::vector<std::string> SplitList(std::string_view joined);

std::string EncodeBool(bool b);  // "1" / "0"
bool DecodeBool(std::string_view s);

std::string EncodeAce(const AceGrant& grant);
Result<AceGrant> DecodeAce(std::string_view s);
std::string EncodeLogin(const SqlLogin& login);
Result<SqlLogin> DecodeLogin(std::string_view s);
std::string EncodeDbUser(const SqlDbUser& user);
Result<SqlDbUser> DecodeDbUser(std::string_view s);

// Flags as four keys ("disabled", "locked_out", "never_expires", "cannot_change") of `data`.
void EncodeFlags(const AccountFlags& flags, StepData& data);
AccountFlags DecodeFlags(const StepData& data);

// An indexed family of keys: "ace.0", "ace.1", ... in order.
void PutIndexed(StepData& data, std::string_view prefix, const std::vector<std::string>& values);
std::vector<std::string> GetIndexed(const StepData& data, std::string_view prefix);

// data.at(key) or "" when absent.
std::string Get(const StepData& data, const std::string& key);

}  // namespace fixer
