import type zh from '../zh-CN/inbox';

// English texts: the inbox. Typed by the Chinese file, so a missing key is a type error.

const en: typeof zh = {
  inbox: {
    title: 'Inbox',
    description: 'Reminders and notices for your body: case steps, overdue time limits, risk alerts and action items. Open a title to read it and mark it read.',
    bellLabel: 'Inbox, {n} unread',
    unreadCount: '{n} unread',
    onlyUnread: 'Unread only',
    unread: 'Unread',
    read: 'Read',
    markRead: 'Mark read',
    empty: 'No messages',
    col: {
      kind: 'Kind',
      title: 'Message',
      at: 'Time',
    },
    mode: {
      idle: 'Not connected',
      stream: 'Live',
      polling: 'Refreshed every 30 s',
    },
    preferences: {
      title: 'Notification settings',
      help: 'Per category, whether you receive it in the inbox and whether it is pushed through your body’s webhook.',
      category: 'Category',
      inbox: 'Inbox',
      webhook: 'Webhook',
      saved: 'Notification settings saved',
    },
    kind: {
      case_step: 'Case step',
      bulletin_announcement: 'Announcement',
      case_report: 'Reported at once',
      clock_overdue: 'Overdue',
      clock_due_changed: 'Due date changed',
      risk_major: 'Major risk',
      risk_report: 'Risk report',
      risk_assigned: 'Risk assigned',
      risk_review_due: 'Risk review',
      action_item_assigned: 'Action assigned',
      action_item_overdue: 'Action overdue',
      recommendation_issued: 'Procuratorial recommendation',
      recommendation_replied: 'Recommendation answered',
      recommendation_evaluated: 'Recommendation evaluated',
      recommendation_overdue: 'Recommendation overdue',
      deadline_due_soon: 'Due soon',
      deadline_due_today: 'Due today',
      meeting_scheduled: 'Meeting',
      bulletin_issued: 'Bulletin',
      other: 'Notice',
    },
  },
};

export default en;
