// journal_codec: how the fixer writes what an undo needs into JournalRecord::data, which is a
// flat map of strings. Lists are comma-joined, records are '|'-joined fields, and the
// separators are %-escaped, so any name or path survives a round trip. Never put a password
// here: the journal is written to disk in clear. The grants a recreate
// records stay typed (JournalRecord::grants) while the fixer runs; only a state file turns
// them into text (FlattenGrants) and back (TakeGrants).
//
//   fixer::StepData data;
//   fixer::AceGrant grant{{fixer::ObjectNamespace::kFile, R"(C:\app)"}, {}};
//   data["services"] = fixer::JoinList({"W3SVC", "IISADMIN"});       // "W3SVC,IISADMIN"
//   data["ace.0"] = fixer::EncodeAce(grant);   // "file|C:\app|allow|S-1-5-...|0x1301bf|0x3"
//   fixer::Result<fixer::AceGrant> back = fixer::DecodeAce(data["ace.0"]);  // 87 if malformed
#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fixer/ports/accounts.h"
#include "fixer/ports/journal.h"
#include "fixer/ports/profiles.h"
#include "fixer/ports/security.h"
#include "fixer/result.h"

namespace fixer {

using TextFields = std::map<std::string, std::string>;

// A step's journaled data: a few named text fields and, for record-grants, the typed grants,
// shared by reference (copying StepData copies a pointer, not the grants).
struct StepData : TextFields {
  using TextFields::TextFields;
  std::shared_ptr<const RecordedGrants> grants;
};
// data.grants, or an empty list when the step recorded none.
const RecordedGrants& GrantsOf(const StepData& data);

std::string EscapeField(std::string_view s);  // escapes % | , ; CR LF
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
// A registry value as "name|type|its bytes in hex": "Flags|4|00000000"; 87 if malformed.
std::string EncodeRegistryValue(const RegistryValue& value);
Result<RegistryValue> DecodeRegistryValue(std::string_view s);

// Flags as four keys ("disabled", "locked_out", "never_expires", "cannot_change") of `data`.
inline constexpr std::array<std::string_view, 4> kAccountFlagKeys = {"disabled", "locked_out", "never_expires",
                                                                     "cannot_change"};
void EncodeFlags(const AccountFlags& flags, TextFields& data);
AccountFlags DecodeFlags(const TextFields& data);

// An indexed family of keys: "ace.0", "ace.1", ... in order.
void PutIndexed(TextFields& data, std::string_view prefix, const std::vector<std::string>& values);
std::vector<std::string> GetIndexed(const TextFields& data, std::string_view prefix);

// data.at(key) or "" when absent: a reference into `data` (or to a static ""), not a copy, so a
// caller that keeps it longer than `data` copies it.
const std::string& Get(const TextFields& data, const std::string& key);

// For a state file: the grants as the keys ace.N (one per ACE, objects in order), login.N and
// dbuser.N of `data`; TakeGrants moves those keys back out into typed grants (null when there
// are none; 87 if one is malformed).
void FlattenGrants(const RecordedGrants& grants, TextFields& data);
// Which recorded grant did not decode, and why, in the words a journal problem gives
// (JournalProblem::why): "its recorded grant ace.0: malformed SID 'S-1-5-xx'; expected ...".
struct GrantProblem {
  std::string key;  // "ace.0"
  std::string why;
};
Result<std::shared_ptr<const RecordedGrants>> TakeGrants(TextFields& data, GrantProblem* problem = nullptr);

// The numbered key families of FlattenGrants as a record's list of keys names them; a record's
// keys of a family are numbered from 0 without gaps (TakeGrants stops at the first missing).
inline constexpr std::string_view kAceKeyFamily = "ace.N";
inline constexpr std::array<std::string_view, 3> kGrantKeyFamilies = {kAceKeyFamily, "login.N", "dbuser.N"};
// Whether `name` is one of kGrantKeyFamilies ("ace.N"), which no key of a record is.
bool IsGrantKeyFamily(std::string_view name);

}  // namespace fixer
