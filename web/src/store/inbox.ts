import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { inboxApi, INBOX_STREAM_URL, type InboxItem } from '@/api/inbox';
import { createLiveFeed, POLL_MS, type FeedMode } from '@/utils/liveFeed';
import { readSharedActivity } from '@/utils/idle';

/**
 * The newest notifications and the unread count of the user's body, kept fresh while a session
 * lives (the header bell, the workbench and the inbox page read them from here).
 */
export const useInboxStore = defineStore('inbox', () => {
  const latest = shallowRef<InboxItem[]>([]);
  const unread = ref(0);
  const mode = ref<FeedMode>('idle');
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
    eventNames: ['inbox', 'notification'],
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

  return { latest, unread, mode, refresh, startLive, stopLive, markRead };
});
