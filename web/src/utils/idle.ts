// Idle logout: the server ends a session after idle_timeout_seconds without requests; the browser
// warns a little before and logs out itself, so nobody leaves a case open on an unattended screen.

export type IdlePhase = 'active' | 'warning' | 'expired';

export interface IdleState {
  phase: IdlePhase;
  /** Seconds until logout (0 once expired). */
  secondsLeft: number;
}

/** How long before the timeout the warning appears: 2 minutes, or half the timeout when shorter. */
export function warningLeadSeconds(timeoutSeconds: number): number {
  return Math.max(1, Math.min(120, Math.floor(timeoutSeconds / 2)));
}

export function evaluateIdle(lastActivityMs: number, nowMs: number, timeoutSeconds: number): IdleState {
  const idleSeconds = Math.max(0, (nowMs - lastActivityMs) / 1000);
  const left = timeoutSeconds - idleSeconds;
  if (left <= 0) return { phase: 'expired', secondsLeft: 0 };
  if (left <= warningLeadSeconds(timeoutSeconds)) return { phase: 'warning', secondsLeft: Math.ceil(left) };
  return { phase: 'active', secondsLeft: Math.ceil(left) };
}

/**
 * While the user is active in the page but the page sends no request, the server would still
 * count the session as idle; touch it when the last contact is older than this.
 */
export function shouldTouchServer(lastServerContactMs: number, nowMs: number, timeoutSeconds: number): boolean {
  const interval = Math.min(300, timeoutSeconds / 4) * 1000;
  return nowMs - lastServerContactMs >= interval;
}

/** Last activity shared by every tab of this browser (activity in one tab keeps the others alive). */
const ACTIVITY_KEY = 'wagelink.lastActivity';

export function readSharedActivity(): number {
  try {
    const value = Number(localStorage.getItem(ACTIVITY_KEY));
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}

export function writeSharedActivity(ms: number): void {
  try {
    localStorage.setItem(ACTIVITY_KEY, String(ms));
  } catch {
    // single-tab behaviour only
  }
}

export const SHARED_ACTIVITY_KEY = ACTIVITY_KEY;

let lastServerContactMs = Date.now();

/** Called by the HTTP layer on every answer from the server. */
export function noteServerContact(nowMs: number = Date.now()): void {
  lastServerContactMs = nowMs;
}

export function lastServerContact(): number {
  return lastServerContactMs;
}
