// Which attributes a metabase AdminACL record is read and written with: pure logic, no Windows
// headers, so tests/win32/ checks it on the host. The values are iiscnfg.h's (metabase.cpp
// checks them against the SDK's). The AdminACL schema: "AdminACL Metabase Property" (IIS 6.0:
// INHERIT | SECURE | REFERENCE, IIS_MD_UT_SERVER; the IIS 5.0 reference: IIS_MD_UT_FILE).
//
//   win32::MetabaseRecordInfo read{.attributes = win32::kMdIsInherited | win32::kMdInherit};
//   bool own = win32::IsOwnRecord(read);                        // false: the parent's list
//   win32::MetabaseRecordInfo write = win32::AdminAclWriteInfo(read);   // the schema's
#pragma once

#include <cstdint>
#include <optional>

namespace win32 {

inline constexpr uint32_t kMdInherit = 0x1;       // METADATA_INHERIT
inline constexpr uint32_t kMdPartialPath = 0x2;   // METADATA_PARTIAL_PATH (read only)
inline constexpr uint32_t kMdSecure = 0x4;        // METADATA_SECURE
inline constexpr uint32_t kMdReference = 0x8;     // METADATA_REFERENCE
inline constexpr uint32_t kMdIsInherited = 0x20;  // METADATA_ISINHERITED (read only)
inline constexpr uint32_t kMdUserTypeServer = 1;  // IIS_MD_UT_SERVER
inline constexpr uint32_t kMdUserTypeFile = 2;    // IIS_MD_UT_FILE

struct MetabaseRecordInfo {
  uint32_t attributes = 0;
  uint32_t user_type = 0;
  friend bool operator==(const MetabaseRecordInfo&, const MetabaseRecordInfo&) = default;
};

// Whether a record GetData answered (asked with METADATA_INHERIT | METADATA_ISINHERITED) is the
// node's own, not one it inherits from a parent.
bool IsOwnRecord(const MetabaseRecordInfo& read);

// What a node's AdminACL is written with: the attributes and user type of the node's own record
// (without the flags only a read sets); for a node with none of its own, the schema's
// INHERIT | SECURE | REFERENCE and IIS_MD_UT_FILE (XP's IIS 5.1 follows the IIS 5.0 reference).
MetabaseRecordInfo AdminAclWriteInfo(const std::optional<MetabaseRecordInfo>& read);

}  // namespace win32
