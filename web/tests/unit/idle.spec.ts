import { describe, expect, it } from 'vitest';
import { evaluateIdle, shouldTouchServer, warningLeadSeconds } from '@/utils/idle';

describe('idle logout timing', () => {
  const T = 1800; // 30 minutes
  const start = 1_000_000;

  it('warns two minutes before a 30-minute timeout', () => {
    expect(warningLeadSeconds(T)).toBe(120);
    expect(evaluateIdle(start, start + (T - 121) * 1000, T)).toEqual({ phase: 'active', secondsLeft: 121 });
    expect(evaluateIdle(start, start + (T - 120) * 1000, T)).toEqual({ phase: 'warning', secondsLeft: 120 });
    expect(evaluateIdle(start, start + (T - 1) * 1000, T)).toEqual({ phase: 'warning', secondsLeft: 1 });
  });

  it('expires exactly at the timeout and stays expired', () => {
    expect(evaluateIdle(start, start + T * 1000, T)).toEqual({ phase: 'expired', secondsLeft: 0 });
    expect(evaluateIdle(start, start + 10 * T * 1000, T).phase).toBe('expired');
  });

  it('uses half the timeout as warning lead for short timeouts', () => {
    expect(warningLeadSeconds(60)).toBe(30);
    expect(evaluateIdle(start, start + 29_000, 60).phase).toBe('active');
    expect(evaluateIdle(start, start + 31_000, 60).phase).toBe('warning');
  });

  it('touches the server while the user works without requests', () => {
    expect(shouldTouchServer(start, start + 299_000, T)).toBe(false);
    expect(shouldTouchServer(start, start + 300_000, T)).toBe(true);
    expect(shouldTouchServer(start, start + 15_000, 60)).toBe(true);
  });
});
