import { describe, expect, it } from 'vitest';
import { safeRedirect } from '@/router/guard';

describe('post-login redirect', () => {
  it('accepts in-app paths only', () => {
    expect(safeRedirect('/audit/log?page=2')).toBe('/audit/log?page=2');
    expect(safeRedirect('//evil.example/x')).toBeNull();
    expect(safeRedirect('/\\evil.example')).toBeNull();
    expect(safeRedirect('https://evil.example')).toBeNull();
    expect(safeRedirect('/login?redirect=/x')).toBeNull();
    expect(safeRedirect(undefined)).toBeNull();
    expect(safeRedirect(['/a'])).toBeNull();
  });
});
