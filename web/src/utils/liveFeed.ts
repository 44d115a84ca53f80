// Live updates for the inbox: a Server-Sent Events stream when the server offers one, polling
// otherwise. The stream is probed with an ordinary request first, so a server without it answers
// a quiet 404 instead of an EventSource failure in the console; a stream that drops for good falls
// back to polling too. A named event with an `onEvent` handler is given its parsed JSON data;
// otherwise every event, whatever its name, just means "look again".

export type FeedMode = 'idle' | 'stream' | 'polling';

export interface StreamLike {
  readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}

export interface LiveFeedDeps {
  /** True when the stream URL answers with text/event-stream (the body is not read). */
  probe: (url: string) => Promise<boolean>;
  openStream: (url: string) => StreamLike;
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
}

export interface LiveFeedOptions {
  url: string;
  onChange: () => void;
  pollMs?: number;
  /** Named events the server may send besides the default "message". */
  eventNames?: readonly string[];
  /** Receives each named event with its data parsed as JSON (null when it is not JSON). */
  onEvent?: (name: string, data: unknown) => void;
  /**
   * Whether a poll tick may ask the server now. Every request refreshes the session on the server,
   * so background polls are skipped while nobody uses the page (the idle logout must still happen).
   */
  pollWhen?: () => boolean;
}

const CLOSED = 2;
export const POLL_MS = 30_000;

export async function probeEventStream(url: string): Promise<boolean> {
  const controller = new AbortController();
  try {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/event-stream' }, signal: controller.signal });
    return response.ok && (response.headers.get('content-type') ?? '').includes('text/event-stream');
  } catch {
    return false;
  } finally {
    controller.abort(); // never read the endless body of the probe
  }
}

export const browserFeedDeps: LiveFeedDeps = {
  probe: probeEventStream,
  openStream: (url) => new EventSource(url, { withCredentials: true }) as unknown as StreamLike,
  setInterval: (fn, ms) => window.setInterval(fn, ms),
  clearInterval: (handle) => window.clearInterval(handle as number),
};

function parseData(data: unknown): unknown {
  if (typeof data !== 'string' || data === '') return null;
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

export function createLiveFeed(options: LiveFeedOptions, deps: LiveFeedDeps = browserFeedDeps) {
  const pollMs = options.pollMs ?? POLL_MS;
  let mode: FeedMode = 'idle';
  let stream: StreamLike | null = null;
  let timer: unknown = null;
  let generation = 0;

  function startPolling(): void {
    stream?.close();
    stream = null;
    mode = 'polling';
    const tick = () => {
      if (!options.pollWhen || options.pollWhen()) options.onChange();
    };
    if (timer === null) timer = deps.setInterval(tick, pollMs);
  }

  async function start(): Promise<void> {
    const mine = ++generation;
    const available = await deps.probe(options.url);
    if (mine !== generation) return; // stopped (or restarted) while probing
    if (!available) {
      startPolling();
      return;
    }
    const source = deps.openStream(options.url);
    stream = source;
    mode = 'stream';
    const changed = () => options.onChange();
    source.onmessage = changed;
    for (const name of options.eventNames ?? []) {
      source.addEventListener(name, (event) => {
        if (!options.onEvent) return changed();
        options.onEvent(name, parseData((event as MessageEvent).data));
      });
    }
    // EventSource reconnects by itself after a dropped connection; only a closed one is given up.
    source.onerror = () => {
      if (source.readyState === CLOSED && stream === source) startPolling();
    };
  }

  function stop(): void {
    generation += 1;
    stream?.close();
    stream = null;
    if (timer !== null) deps.clearInterval(timer);
    timer = null;
    mode = 'idle';
  }

  return { start, stop, mode: () => mode };
}
