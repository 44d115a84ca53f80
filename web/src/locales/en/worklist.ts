import type zh from '../zh-CN/worklist';

// English texts: the work lists. Typed by the Chinese file, so a missing key is a type error.

const en: typeof zh = {
  worklist: {
    loadFailed: 'Could not load the worklist',
    none: 'No such cases now.',
    all: 'All',
    case: 'Case',
    why: 'Why',
    clocks: 'Time limits',
    next: 'You may',
    open: 'Open',
    noClock: 'No running time limit',
    supervisionTitle: 'Filing supervision and legal supervision',
    supervisionIntro: 'Transfers copied to us, consultations awaiting our answer, police filing decisions open to supervision (overdue or refused), our own supervisions with their time limits, early interventions and procuratorial opinions awaiting a reply.',
    greenTitle: 'Green channel',
    greenIntro: 'The five priorities for migrant workers\' wage suits: mediation, acceptance, filing, trial and execution; and the execution of criminal judgments.',
    targetsTitle: 'District targets',
    targetsLocal: 'Local standard',
    targetsConfigurable: 'No national time limit exists; these are the district\'s own targets, which the system administrator adjusts to the district\'s document.',
    fromFlag: 'from the green-channel flag',
    afterPriority: 'after {name}',
    days: '{n} days',
    priority: 'Priority',
    target: 'Target',
    countedFrom: 'Counted from',
    targetDate: 'Target date',
    doneOn: 'Done on',
    statusLabel: 'Status',
    flaggedOn: 'Green channel since {date}',
    status: {
      not_flagged: 'Not flagged',
      waiting: 'Not started',
      running: 'In progress',
      overdue: 'Past target',
      met: 'On time',
      met_late: 'Late',
    },
    execution: 'Execution paid',
    worker: 'Worker',
    owed: 'Owed',
    paidByExecution: 'Paid by execution',
    outstanding: 'Outstanding',
    supervising: 'Supervising',
    responsible: 'Ours',
    oversight: 'Follow-up',
  },
};

export default en;
