#pragma once
// Why a case is in a body's worklist (待办): the steps it may take now, the clocks it must meet or
// watches over, and the body's own kinds of work — the procuratorate's copies of transfers,
// consultations, police decisions it may supervise, its supervisions, early interventions and the
// 检察意见 replies it waits for; the court's trials, executions and green-channel cases. Pure: the
// service hands in what the case shows now.
#include <span>
#include <string_view>
#include <vector>

#include "domain/body.h"
#include "domain/case_events.h"
#include "domain/case_machine.h"
#include "domain/case_state.h"

namespace wagelink::domain {

enum class WorkReason {
  kAct,                 // a step of the caller's is available now
  kClockDue,            // an open clock the body must meet
  kSupervising,         // an open clock the body watches over
  kOverdueOversight,    // an overdue clock anywhere, for the bodies overseeing the whole mechanism
  kTransferCopy,        // procuratorate: transferred to the police with a copy to it (310号 §5 ¶2)
  kConsultation,        // procuratorate, police: a 个案征询 awaits its answer
  kSupervisable,        // procuratorate: a police decision it may supervise (overdue L11, 不予立案)
  kSupervision,         // procuratorate: a 立案监督 under way
  kEarlyIntervention,   // procuratorate: asked to intervene early, or intervening
  kOpinionReplyDue,     // procuratorate: a 检察意见 awaits labour inspection's reply (L32)
  kProsecutionReview,   // procuratorate: 审查起诉
  kTrial,               // court: a prosecution to accept, or a trial under way
  kExecution,           // court: a judgment being executed
  kGreenChannel,        // court: a wage case on the civil route (五优先)
  kTransferApproval,    // labour inspection's head: a transfer report awaits approval
};

std::string_view WorkReasonCode(WorkReason reason);
std::string_view WorkReasonNameZh(WorkReason reason);
std::string_view WorkReasonNameEn(WorkReason reason);

struct OpenClockFact {
  std::string_view rule_id;
  std::string_view responsible;  // body code
  std::string_view supervisor;   // body code
  bool overdue = false;
};

struct WorkFacts {
  Body body = Body::kHrss;
  bool oversees_all = false;  // a region-wide body without steps of its own (区治欠办, leadership)
  const CaseProgress* progress = nullptr;
  std::span<const CaseEvent> available_steps;
  std::span<const OpenClockFact> open_clocks;
  bool transferred_with_copy = false;  // the transfer went with a copy to the procuratorate
  bool green_channel_flagged = false;  // a civil step flagged one of the court's priorities
};

// Every reason, most specific first; empty: the case is not the body's work now.
std::vector<WorkReason> ClassifyWork(const WorkFacts& facts);

}  // namespace wagelink::domain
