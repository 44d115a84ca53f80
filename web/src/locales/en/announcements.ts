import type zh from '../zh-CN/announcements';

// English texts: announcements. Typed by the Chinese file, so a missing key is a type error.

const en: typeof zh = {
  announcements: {
    menu: 'Announcements',
    title: 'Announcements',
    description: 'Announcements from the joint meeting office to every member body. Opening one marks it read; the publisher sees who has read it, body by body.',
    new: 'New announcement',
    unread: '{n} unread',
    empty: 'No announcements yet',
    colTitle: 'Title',
    text: 'Text',
    publisher: 'Published by',
    publishedAt: 'Published',
    withdrawnTag: 'Withdrawn',
    unreadTag: 'Unread',
    receipts: 'Read receipts',
    receiptsOf: 'Who has read "{title}"',
    withdraw: 'Withdraw',
    withdrawConfirm: 'Withdraw "{title}"? The bodies will no longer see it.',
    withdrawn: 'Withdrawn',
    publish: 'Publish',
    published: 'Published; every body gets a notice in its inbox',
    needBoth: 'Enter a title and the text',
    reachesEveryBody: 'Once published, every member body gets a notice in its inbox.',
    body: 'Body',
    readCount: 'Read',
    readAt: 'read {at}',
    notRead: 'not read',
  },
};

export default en;
