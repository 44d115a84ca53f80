import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { inboxApi, INBOX_STREAM_URL, type InboxItem } from '@/api/inbox';
import { createLiveFeed, POLL_MS, type FeedMode } from '@/utils/liveFeed';
import { readSharedActivity } from '@/utils/idle';

/** `event: notification` of GET /inbox/stream (docs: the inbox stream). */
interface StreamedNotification {
  id: number;
  kind: string;
  category?: string;
  title_zh: string;
  title_en: string;
  case_id: number | null;
  created_at: string;
}

function isStreamedNotification(data: unknown): data is StreamedNotification {
  const n = data as StreamedNotification | null;
  return !!n && typeof n.id === 'number' && typeof n.title_zh === 'string';
}

/**
 * The newest notifications and the unread count of the user's body, kept fresh while a session
 * lives (the header bell, the workbench and the inbox page read them from here). The server's
 * stream sends `ready` {unread} on every (re)connection, `notification` per new one, `reset` when
 * this tab fell too far behind (reload everything), `session_ended` when the session was ended
 * (the stream then closes), and comment heartbeats (ignored by EventSource).
 */
export const useInboxStore = defineStore('inbox', () => {
  const latest = shallowRef<InboxItem[]>([]);
  const unread = ref(0);
  const mode = ref<FeedMode>('idle');
  /** Counts notifications that arrived live (and resets): pages showing the full list reload on it. */
  const arrivals = ref(0);
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    try {
      const answer = await inboxApi.list({ page: 1, page_size: 8 });
      if (mine !== generation) return;
      latest.value = answer.items;
      unread.value = answer.unread;
    } catch {
      // a failed refresh keeps what is shown; the next event or poll tries again
    }
  }

  const feed = createLiveFeed({
    url: INBOX_STREAM_URL,
    onChange: () => void refresh(),
    eventNames: ['ready', 'notification', 'reset', 'session_ended'],
    onEvent: (name, data) => {
      if (name === 'session_ended') {
        // Signed out elsewhere, disabled or expired: stop listening; the refresh below gets the
        // 401 that sends this tab to the sign-in page.
        feed.stop();
        mode.value = 'idle';
      }
      if (name === 'notification' && isStreamedNotification(data)) {
        // Shown at once; the refresh that follows brings the server's unread count and order.
        if (!latest.value.some((n) => n.id === data.id)) {
          const { id, kind, title_zh, title_en, case_id, created_at } = data;
          latest.value = [{ id, kind, title_zh, title_en, case_id, created_at, read: false }, ...latest.value].slice(0, 8);
          unread.value += 1;
        }
        arrivals.value += 1;
      } else if (name === 'ready') {
        const count = (data as { unread?: unknown } | null)?.unread;
        if (typeof count === 'number') unread.value = count;
      } else if (name === 'reset') {
        arrivals.value += 1;
      }
      void refresh();
    },
    // Poll only while someone used the page (any tab) within the last two intervals.
    pollWhen: () => Date.now() - readSharedActivity() < 2 * POLL_MS,
  });

  async function startLive(): Promise<void> {
    if (mode.value !== 'idle') return;
    mode.value = 'polling';
    await refresh();
    await feed.start();
    mode.value = feed.mode();
  }

  function stopLive(): void {
    feed.stop();
    mode.value = 'idle';
  }

  async function markRead(item: InboxItem): Promise<void> {
    if (item.read) return;
    await inboxApi.markRead(item.id);
    latest.value = latest.value.map((n) => (n.id === item.id ? { ...n, read: true } : n));
    unread.value = Math.max(0, unread.value - 1);
  }

  return { latest, unread, mode, arrivals, refresh, startLive, stopLive, markRead };
});
