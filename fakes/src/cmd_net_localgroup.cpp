// net localgroup over the fake SAM: list the groups, show one's members, add or remove members.
//
// Forms and errors [S: docs/windows-reference.md#net-localgroup]; the layouts of the list, of a
// group and of the syntax text follow `net user`'s and XP's syntax line [M]:
//   net localgroup                          the local groups, `*` before each name
//   net localgroup GROUP                    its name, comment and members
//   net localgroup GROUP NAME... /add       NetLocalGroupAddMembers: 1387, 1388, 1378, nothing added
//   net localgroup GROUP NAME... /delete    NetLocalGroupDelMembers: 1387, 1371, 1377, nothing removed
// A group that does not exist is "System error 1376" (ERROR_NO_SUCH_ALIAS), as net.exe prints it,
// where the API under it (`Sam`) answers 2220 NERR_GroupNotFound [S: docs/windows-reference.md#local-groups].
// Creating and deleting groups (`net localgroup GROUP /add`), /COMMENT and /DOMAIN are not modelled:
// NotModelled.
#include <algorithm>
#include <array>

#include "cmd_common.h"
#include "cmd_net.h"
#include "cmd_net_switches.h"
#include "fakes/commands.h"
#include "fakes/sam.h"
#include "fixer/name_case.h"
#include "who_may.h"

namespace fakes::cmd {
namespace {

// GROUP [NAME...]: a group's members need one switch, /add or /delete, given once (the grammar's
// oneswitch_optional: `/add /add` is two); a group alone takes none, or /delete alone.
bool LocalGroupArgsOk(const NetArgs& g) {
  if (g.words.size() > 1) return g.switches == 1 && (g.add || g.del);
  return g.switches == 0 || (g.words.size() == 1 && g.del && g.switches == 1);
}

constexpr std::string_view kLocalGroupUsage =
    "NET LOCALGROUP\n"
    "[groupname [/COMMENT:\"text\"]] [/DOMAIN]\n"
    "          groupname {/ADD [/COMMENT:\"text\"] | /DELETE}  [/DOMAIN]\n"
    "          groupname name [...] {/ADD | /DELETE} [/DOMAIN]\n";

// net localgroup's switch table: net checks it against group_switches, not ntalias_switches
// [S: docs/windows-reference.md#net-unknown-option, WS03 netcmd msnet.nt and swtchtbl.c].
constexpr NetSwitch kLocalGroupSwitches[] = {
    {"/ADD", SwitchValue::kNone},
    {"/DELETE", SwitchValue::kNone},
    {"/DOMAIN", SwitchValue::kNone},
    {"/COMMENT", SwitchValue::kRequired},
    {"/REMARK", SwitchValue::kRequired, "/COMMENT"},
};

int LocalGroupSyntax(Console& con) { return NetSyntax(con, kLocalGroupUsage); }

int ListLocalGroups(Console& con) {
  const MachineState& s = con.machine.state();
  NetListHeading(con, "Aliases");
  std::vector<std::string> names;
  for (const LocalGroup& g : s.sam.groups) names.push_back(g.name);
  SortAsNetLists(names);
  for (const std::string& name : names) con.Write("*" + name + "\n");
  NetOk(con);
  return 0;
}

// A member as net shows it: a local account or group by its bare name, anything else qualified
// (NT AUTHORITY\INTERACTIVE), a SID that names nothing as the SID.
std::string LocalGroupMemberName(const Sam& sam, const MachineState& s, const fixer::Sid& member) {
  const std::string shown = sam.DisplayName(member);
  const std::string local = s.products.os.computer_name + "\\";
  if (shown.size() > local.size() && fixer::SameWindowsName(std::string_view(shown).substr(0, local.size()), local)) {
    return shown.substr(local.size());
  }
  return shown;
}

int ShowLocalGroup(Console& con, const std::string& name) {
  Sam sam(con.machine);
  const LocalGroup* g = sam.FindGroup(name);
  if (!g) return NetError(con, fixer::kErrorNoSuchAlias);
  const MachineState& s = con.machine.state();
  con.Write("Alias name     " + g->name + "\nComment        " + g->comment + "\n\nMembers\n\n" + NetRule());
  for (const fixer::Sid& member : g->members) con.Write(LocalGroupMemberName(sam, s, member) + "\n");
  NetOk(con);
  return 0;
}

// Real forms the fake does not model: /DOMAIN, a group's comment (/COMMENT, or /REMARK, which
// net reads as /COMMENT) alone, and creating or deleting a group (/ADD, or /DELETE alone, without
// members) [S: Microsoft Learn "Net localgroup"; WS03 netcmd msnet.nt].
void RefuseUnmodelled(const NetArgs& g) {
  for (const std::string& option : g.options) {
    const std::string name = fixer::FoldWindowsName(option.substr(0, option.find(':')));
    if (name == "/domain") throw NotModelled{"net localgroup's /domain option"};
    if (name == "/comment" && g.words.size() == 1 && !g.add && !g.del)
      throw NotModelled{"net localgroup's /comment option"};
  }
  if (g.words.size() == 1 && (g.add || (g.del && g.switches == 1)))
    throw NotModelled{"creating or deleting a group ('net localgroup GROUP /add')"};
}

}  // namespace

int NetLocalGroup(Console& con, const std::vector<std::string>& typed) {
  std::vector<std::string> args = typed;
  if (auto level = CheckNetSwitches(con, args, kLocalGroupSwitches, kLocalGroupUsage)) return *level;
  const NetArgs g = SplitNetArgs(args);
  RefuseUnmodelled(g);
  if (!LocalGroupArgsOk(g)) return LocalGroupSyntax(con);
  if (g.words.empty()) return ListLocalGroups(con);
  const std::string& group = g.words[0];
  if (g.words.size() == 1) return ShowLocalGroup(con, group);
  // Two checks, one process: the caller's groups are read once, at the first.
  const CallerToken caller(con.machine);
  if (!caller.MayChangeSomeMembers().ok()) return NetError(con, fixer::kErrorAccessDenied);

  Sam sam(con.machine);
  const LocalGroup* found = sam.FindGroup(group);
  if (!found) return NetError(con, fixer::kErrorNoSuchAlias);
  // Power Users may change Power Users, Users and Guests only (docs/windows-reference.md#power-users).
  if (!caller.MayChangeMembersOf(found->sid).ok()) return NetError(con, fixer::kErrorAccessDenied);
  // All or nothing, as the API: every name resolves and every change is possible before any is made.
  std::vector<fixer::Sid> members;
  for (size_t i = 1; i < g.words.size(); ++i) {
    auto sid = sam.LookupName(g.words[i]);
    if (!sid.ok()) return NetError(con, fixer::kErrorNoSuchMember);
    // Named twice: by its second turn it is already a member (added) or no longer one (removed).
    if (std::find(members.begin(), members.end(), *sid) != members.end())
      return NetError(con, g.add ? fixer::kErrorMemberInAlias : fixer::kErrorMemberNotInAlias);
    if (g.add) {
      if (const fixer::Status st = sam.CheckNewMember(group, *sid); !st.ok())
        return NetError(con, st.code(), st.message());
    } else if (const fixer::Status st = sam.CheckRemovedMember(group, *sid); !st.ok()) {
      return NetError(con, st.code(), st.message());
    }
    members.push_back(*sid);
  }
  for (const fixer::Sid& member : members) {
    const fixer::Status st = g.add ? sam.AddMember(group, member) : sam.RemoveMember(group, member);
    if (!st.ok()) return NetError(con, st.code(), st.message());
  }
  NetOk(con);
  return 0;
}

}  // namespace fakes::cmd
