// Reading a journal back; see journal_replay.h.
#include "journal_replay.h"

#include <algorithm>

namespace fixer {

StepPhase JournalReplay::PhaseOf(std::string_view step) const {
  auto it = phases.find(step);
  return it == phases.end() ? StepPhase::kPending : it->second;
}

bool JournalReplay::AnyUndo() const {
  return std::any_of(phases.begin(), phases.end(),
                     [](const auto& p) { return p.second == StepPhase::kUndoBegun || p.second == StepPhase::kUndone; });
}

bool JournalReplay::AllDone() const {
  return std::all_of(step_ids.begin(), step_ids.end(),
                     [&](const std::string& s) { return PhaseOf(s) == StepPhase::kDone; });
}

JournalRecord PlanRecord(Strategy strategy, const std::string& account, const Sid& sid,
                         const std::vector<std::string>& step_ids) {
  return {0,
          kPlanRecordStep,
          JournalPhase::kBegin,
          {{"strategy", std::string(ToString(strategy))},
           {"account", account},
           {"sid", sid.ToString()},
           {"steps", JoinList(step_ids)}}};
}

Result<JournalReplay> ReplayJournal(std::vector<JournalRecord> records) {
  auto bad = [](std::string why) { return Status(kErrorInvalidParameter, "the journal is unreadable: " + why); };
  if (records.empty() || records.front().step != kPlanRecordStep) {
    return bad("it does not start with its plan");
  }
  JournalReplay r;
  TextFields& head = records.front().data;
  auto strategy = StrategyFromString(Get(head, "strategy"));
  if (!strategy) return bad("unknown strategy '" + Get(head, "strategy") + "'");
  auto sid = Sid::Parse(Get(head, "sid"));
  if (!sid) return bad("bad SID '" + Get(head, "sid") + "'");
  r.strategy = *strategy;
  r.account = std::move(head["account"]);
  r.sid = *sid;
  r.step_ids = SplitList(Get(head, "steps"));
  r.next_seq = records.front().seq + 1;

  for (size_t i = 1; i < records.size(); ++i) {
    JournalRecord& rec = records[i];
    r.next_seq = std::max(r.next_seq, rec.seq + 1);
    if (rec.step == kRunRecordStep && rec.phase == JournalPhase::kFinished) {
      r.finished = true;
      continue;
    }
    if (std::find(r.step_ids.begin(), r.step_ids.end(), rec.step) == r.step_ids.end()) {
      return bad("unknown step '" + rec.step + "'");
    }
    switch (rec.phase) {
      case JournalPhase::kBegin: r.phases[rec.step] = StepPhase::kBegun; break;
      case JournalPhase::kDone: r.phases[rec.step] = StepPhase::kDone; break;
      case JournalPhase::kUndoBegin: r.phases[rec.step] = StepPhase::kUndoBegun; break;
      case JournalPhase::kUndone: r.phases[rec.step] = StepPhase::kUndone; break;
      case JournalPhase::kFinished: return bad("a step record marked finished");
      case JournalPhase::kReopen:
        r.phases[rec.step] = Get(rec.data, kReopenActOn) == kReopenRecorded ? StepPhase::kBegun : StepPhase::kPending;
        continue;  // the step keeps the data it recorded before
    }
    StepData& data = r.data[rec.step];
    if (data.empty()) {
      data.TextFields::operator=(std::move(rec.data));
    } else {
      for (auto& [k, v] : rec.data) data.insert_or_assign(k, std::move(v));
    }
    if (rec.grants) data.grants = std::move(rec.grants);  // shared, not copied
  }
  return r;
}

}  // namespace fixer
