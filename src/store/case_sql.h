#pragma once
// SQL fragments over `cases c` that more than one repository needs, so each rule is written once.

// 1 when labour inspection established that nothing was owed: the claim was referred to the police
// as a malicious one, a step the domain allows only on that finding (case_side_steps.cpp). The
// claimed amounts stay on the case as claimed but are not arrears: not outstanding, not in 尚欠.
#define WL_CASE_NO_ARREARS_FOUND \
  "(CASE WHEN EXISTS (SELECT 1 FROM case_events n WHERE n.event = 'refer_malicious_claim' AND n.case_id = c.id) " \
  "THEN 1 ELSE 0 END)"
