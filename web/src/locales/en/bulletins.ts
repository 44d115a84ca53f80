import type zh from '../zh-CN/bulletins';

// English texts: work bulletins. Typed by the Chinese file, so a missing key is a type error.

const en: typeof zh = {
  bulletins: {
    menu: 'Bulletins',
    title: 'Bulletins',
    description: 'Wage-arrears bulletins: new complaints, recovered wages, case steps, overdue steps and major risks per week, month, quarter or chosen period. A bulletin cannot be changed once issued; its figures carry a hash check.',
    period: { weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly', on_demand: 'Special' },
    from: 'From',
    to: 'To',
    issue: 'Issue bulletin',
    issueHelp: 'Weekly, monthly and quarterly bulletins cover the last complete period (also issued on schedule), once per period; a special one needs a period.',
    issued: 'Bulletin {no} issued',
    empty: 'No bulletins yet',
    no: 'Bulletin no.',
    kind: 'Type',
    range: 'Period',
    generatedAt: 'Issued at',
    generatedBy: 'Issued by',
    bySystem: 'System (on schedule)',
    hashValid: 'Figures intact',
    hashInvalid: 'Hash mismatch',
    overdueByBody: 'Overdue steps by body',
    noOverdue: 'No overdue steps in this period',
    recommendations: 'Procuratorial recommendations',
    noOverdueRecommendations: 'No recommendation overdue for a reply',
    overdueRecommendations: 'Overdue replies',
    body: 'Body',
    overdueSteps: 'Overdue',
    pdf: 'Download PDF',
    fig: {
      newCases: 'New complaints',
      workers: 'Workers',
      owed: 'Newly owed (¥)',
      paid: 'Recovered (¥, payments)',
      majorEscalated: 'Became major risks',
      majorOpen: 'Open major risks',
      recIssued: 'Issued',
      recAnswered: 'Answered',
      recEvaluated: 'Evaluated',
    },
    step: {
      orders_issued: 'Payment orders',
      transfers_sent: 'Transfers to police',
      cases_filed: 'Cases filed',
      filings_refused: 'Filings refused',
      prosecutions: 'Prosecutions',
      judgments: 'Judgments',
      executions: 'Executions',
    },
  },
};

export default en;
