import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { InboxItem } from '@/api/inbox';

vi.mock('@/api/inbox', () => ({
  INBOX_STREAM_URL: '/api/v1/inbox/stream',
  inboxApi: { list: vi.fn(), markRead: vi.fn() },
}));
vi.mock('@/api/risks', () => ({ risksApi: { rules: vi.fn() } }));

const { inboxApi } = await import('@/api/inbox');
const { risksApi } = await import('@/api/risks');
const { useInboxStore } = await import('@/store/inbox');
const { useRiskRulesStore } = await import('@/store/riskRules');

function item(id: number, read = false): InboxItem {
  return { id, kind: 'risk_major', title_zh: `风险 ${id}`, title_en: `Risk ${id}`, case_id: null, created_at: '2026-03-01T00:00:00Z', read };
}

describe('inbox store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.clearAllMocks();
  });

  it('keeps the newest page and the unread count, and marking one read counts down once', async () => {
    vi.mocked(inboxApi.list).mockResolvedValue({ items: [item(2), item(1, true)], unread: 5, page: 1, page_size: 8 });
    vi.mocked(inboxApi.markRead).mockResolvedValue(undefined);
    const inbox = useInboxStore();
    await inbox.refresh();
    expect(inbox.unread).toBe(5);
    await inbox.markRead(inbox.latest[0]);
    await inbox.markRead(inbox.latest[0]); // already read: no second request, no second count
    await inbox.markRead(inbox.latest[1]);
    expect(inboxApi.markRead).toHaveBeenCalledTimes(1);
    expect(inbox.unread).toBe(4);
    expect(inbox.latest.every((n) => n.read)).toBe(true);
  });

  it('keeps what it shows when a refresh fails, and a late answer never overwrites a newer one', async () => {
    const inbox = useInboxStore();
    let releaseOld!: (v: unknown) => void;
    vi.mocked(inboxApi.list)
      .mockImplementationOnce(() => new Promise((done) => (releaseOld = done)) as never)
      .mockResolvedValueOnce({ items: [item(3)], unread: 1, page: 1, page_size: 8 })
      .mockRejectedValueOnce(new Error('offline'));
    const old = inbox.refresh();
    await inbox.refresh();
    releaseOld({ items: [item(1)], unread: 9, page: 1, page_size: 8 });
    await old;
    expect(inbox.unread).toBe(1);
    await inbox.refresh();
    expect(inbox.latest.map((n) => n.id)).toEqual([3]);
  });
});

describe('risk rules store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.clearAllMocks();
  });

  it('loads the levels once and names and shades them', async () => {
    vi.mocked(risksApi.rules).mockResolvedValue({
      status_zh: '平台默认值',
      levels: [{ code: 'major', zh: '重大', en: 'major', colour: 'orange', min_score: 50, review_days: 7, seasonal_review_days: 3 }],
      rules: [],
      credit_code_optional_sources: ['public_opinion'],
    });
    const rules = useRiskRulesStore();
    await Promise.all([rules.ensureLoaded(), rules.ensureLoaded()]);
    await rules.ensureLoaded();
    expect(risksApi.rules).toHaveBeenCalledTimes(1);
    expect(rules.nameOf('major', 'zh-CN')).toBe('重大');
    expect(rules.shadeOf('major').fg).toBe('#b34a00');
    expect(rules.status).toBe('平台默认值');
  });
});
