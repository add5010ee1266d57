// admin_acl_record.h: which attributes an AdminACL record is read and written with.
#include "admin_acl_record.h"

namespace win32 {

bool IsOwnRecord(const MetabaseRecordInfo& read) { return (read.attributes & kMdIsInherited) == 0; }

MetabaseRecordInfo AdminAclWriteInfo(const std::optional<MetabaseRecordInfo>& read) {
  if (read && IsOwnRecord(*read)) {
    return {.attributes = read->attributes & ~(kMdIsInherited | kMdPartialPath), .user_type = read->user_type};
  }
  return {.attributes = kMdInherit | kMdSecure | kMdReference, .user_type = kMdUserTypeFile};
}

}  // namespace win32
