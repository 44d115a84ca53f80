import { describe, expect, it, vi } from 'vitest';
import { createLiveFeed, type LiveFeedDeps, type StreamLike } from '@/utils/liveFeed';

function fakeStream(): StreamLike & { listeners: Record<string, (e: Event) => void>; closed: boolean } {
  const stream = {
    readyState: 1,
    onopen: null,
    onerror: null,
    onmessage: null,
    listeners: {} as Record<string, (e: Event) => void>,
    closed: false,
    addEventListener(type: string, listener: (e: Event) => void) {
      stream.listeners[type] = listener;
    },
    close() {
      stream.closed = true;
      stream.readyState = 2;
    },
  };
  return stream as never;
}

function deps(available: boolean, stream = fakeStream()) {
  const intervals: { fn: () => void; ms: number }[] = [];
  const d: LiveFeedDeps = {
    probe: vi.fn(async () => available),
    openStream: vi.fn(() => stream),
    setInterval: (fn, ms) => intervals.push({ fn, ms }),
    clearInterval: vi.fn(),
  };
  return { d, intervals, stream };
}

describe('live feed', () => {
  it('uses the event stream when the server offers it, reacting to default and named events', async () => {
    const onChange = vi.fn();
    const { d, intervals, stream } = deps(true);
    const feed = createLiveFeed({ url: '/s', onChange, eventNames: ['inbox'] }, d);
    await feed.start();
    expect(feed.mode()).toBe('stream');
    expect(intervals).toHaveLength(0);
    stream.onmessage?.(new MessageEvent('message'));
    stream.listeners.inbox(new Event('inbox'));
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('hands named events to onEvent with their JSON data (ready, notification, reset)', async () => {
    const onChange = vi.fn();
    const onEvent = vi.fn();
    const { d, stream } = deps(true);
    await createLiveFeed({ url: '/s', onChange, onEvent, eventNames: ['ready', 'notification', 'reset'] }, d).start();
    stream.listeners.ready(new MessageEvent('ready', { data: '{"unread":4}' }));
    stream.listeners.notification(new MessageEvent('notification', { data: '{"id":9,"title_zh":"新消息"}' }));
    stream.listeners.reset(new MessageEvent('reset', { data: 'not json' }));
    expect(onEvent.mock.calls).toEqual([
      ['ready', { unread: 4 }],
      ['notification', { id: 9, title_zh: '新消息' }],
      ['reset', null],
    ]);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('polls every 30 s when the stream endpoint does not answer', async () => {
    const onChange = vi.fn();
    const { d, intervals } = deps(false);
    const feed = createLiveFeed({ url: '/s', onChange }, d);
    await feed.start();
    expect(feed.mode()).toBe('polling');
    expect(d.openStream).not.toHaveBeenCalled();
    expect(intervals).toEqual([{ fn: expect.any(Function), ms: 30_000 }]);
    intervals[0].fn();
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('skips poll ticks while the page is unused (a poll would keep an idle session alive)', async () => {
    const onChange = vi.fn();
    let active = false;
    const { d, intervals } = deps(false);
    await createLiveFeed({ url: '/s', onChange, pollWhen: () => active }, d).start();
    intervals[0].fn();
    expect(onChange).not.toHaveBeenCalled();
    active = true;
    intervals[0].fn();
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('falls back to polling when the stream closes for good, not on a reconnect', async () => {
    const { d, intervals, stream } = deps(true);
    const feed = createLiveFeed({ url: '/s', onChange: () => undefined }, d);
    await feed.start();
    stream.readyState = 0; // CONNECTING: the browser retries by itself
    stream.onerror?.(new Event('error'));
    expect(feed.mode()).toBe('stream');
    stream.readyState = 2;
    stream.onerror?.(new Event('error'));
    expect(feed.mode()).toBe('polling');
    expect(intervals).toHaveLength(1);
  });

  it('stops cleanly, also while the probe is still out', async () => {
    let release!: (v: boolean) => void;
    const { d } = deps(true);
    d.probe = () => new Promise<boolean>((done) => (release = done));
    const feed = createLiveFeed({ url: '/s', onChange: () => undefined }, d);
    const started = feed.start();
    feed.stop();
    release(true);
    await started;
    expect(d.openStream).not.toHaveBeenCalled();
    expect(feed.mode()).toBe('idle');
  });
});
