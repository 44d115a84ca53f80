import type zh from '../zh-CN/dashboard';

// English texts: the dashboard and ledger exports. Typed by the Chinese file, so a missing key is a type error.

const en: typeof zh = {
  dashboard: {
    menu: 'Dashboard',
    title: 'Wage-arrears dashboard',
    scopeRegion: 'Whole district',
    scopeBody: 'Cases {body} takes part in',
    asOf: 'As of {at}',
    funnel: 'Case funnel: from complaint to wages paid',
    funnelHelp: 'Each stage counts the cases that ever reached that step; the percentage is of all complaints received.',
    money: 'Amounts owed and paid',
    moneyHelp: 'Paid and outstanding shares of the total owed.',
    timeliness: 'Statutory time limits per body',
    timelinessHelp: 'Statutory duty clocks per responsible body: met in time, met late, not met, overdue and running; on-time rate = met in time / (closed + overdue): a clock still running past its due date already counts as late.',
    noClocks: 'No statutory time limits yet',
    risks: 'Risk levels over the last 12 months',
    risksHelp: 'Risks reported each month by their current level; open risks above.',
    employer: 'Employer (order deadline)',
    onTime: 'on time {n}%',
    tiles: {
      cases: 'Cases',
      workers: 'Workers',
      owed: 'Owed',
      paid: 'Paid',
      outstanding: 'Outstanding',
      paidRate: 'Paid share',
    },
    stage: {
      received: 'Complaint received',
      accepted: 'Case opened',
      ordered: 'Order to pay',
      transferred: 'Sent to police',
      filed: 'Police filed',
      prosecuted: 'Prosecuted',
      judged: 'Judgment',
      executed: 'Executed',
      paid: 'Paid in full',
    },
    clock: {
      met: 'Met in time',
      met_late: 'Met late',
      not_met: 'Not met',
      overdue: 'Overdue',
      running: 'Running',
    },
  },
  ledger: {
    export: 'Export ledger',
    cases: 'Case ledger (Excel)',
    transfers: 'Transfer ledger (Excel)',
  },
};

export default en;
