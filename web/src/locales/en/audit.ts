import type zh from '../zh-CN/audit';

// English texts: the login log and the audit log. Typed by the Chinese file, so a missing key is a type error.

const en: typeof zh = {
  loginLog: {
    title: 'Login log',
    empty: 'No sign-ins match',
    description: 'Every successful and failed sign-in (kept at least 180 days).',
    at: 'Time',
    username: 'Username',
    person: 'Name',
    noAccount: '(no such account)',
    result: 'Result',
    success: 'Success',
    failure: 'Failure',
    reason: 'Reason',
    clientAddress: 'Client address',
    userPlaceholder: 'User name or person',
    anyResult: 'Any result',
    export: 'Export',
  },
  auditLog: {
    title: 'Audit log',
    empty: 'No audit entries match',
    description: 'Every write and every view of sensitive data is recorded. Entries are hash-chained, so any change, deletion, insertion or reordering is detected by verification.',
    seq: 'Seq',
    systemActor: 'System',
    formerAccount: '(removed account)',
    otherAction: 'Other action',
    at: 'Time',
    actor: 'Actor',
    action: 'Action',
    target: 'Target',
    requestId: 'Request ID',
    clientAddress: 'Client address',
    verify: 'Verify audit chain',
    verifying: 'Verifying…',
    verifyOk: 'Audit chain intact',
    verifyBad: 'Audit chain verification failed',
    firstBad: 'First bad entry: #{seq}',
    verifiedAt: 'Verified at {at}',
    checked: '{entries} entries and {checkpoints} signed checkpoints checked',
    caseNo: 'Case number',
    person: 'Person or user name',
    anyAction: 'Any action',
    anyBody: 'Any body',
    fromDay: 'From',
    toDay: 'To',
    export: 'Export',
  },
};

export default en;
