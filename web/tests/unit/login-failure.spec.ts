import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/http';
import { describeLoginFailure } from '@/utils/loginFailure';
import { i18n } from '@/locales';

const t = (key: string, params?: Record<string, unknown>) => (params ? i18n.global.t(key, params) : i18n.global.t(key));

function problem(code: string, status: number, extra: Record<string, unknown> = {}) {
  return new ApiError({ type: `urn:wagelink:problem:${code}`, code, status, title: '登录失败', title_en: 'Sign-in failed', ...extra });
}

describe('login failure message', () => {
  it('shows the lockout with its end in Beijing time', () => {
    const view = describeLoginFailure(
      problem('account_locked', 423, { detail: '账户已锁定', detail_en: 'Account locked', locked_until: '2026-03-01T06:20:00Z' }),
      'zh-CN',
      t,
    );
    expect(view.kind).toBe('warning');
    expect(view.title).toBe('账户已锁定');
    expect(view.lines[0]).toBe('账户已锁定');
    expect(view.lines[1]).toContain('2026年3月1日 14:20');
  });

  it('adds the remaining attempts when the server tells them', () => {
    const view = describeLoginFailure(problem('unauthenticated', 401, { detail: '用户名或密码错误', remaining_attempts: 2 }), 'zh-CN', t);
    expect(view).toEqual({ kind: 'error', title: '登录失败', lines: ['用户名或密码错误', '再输错 2 次，账户将被临时锁定。'] });
  });

  it('uses the English detail in English', () => {
    const view = describeLoginFailure(problem('unauthenticated', 401, { detail: '用户名或密码错误', detail_en: 'Wrong username or password' }), 'en', t);
    expect(view.lines).toEqual(['Wrong username or password']);
  });

  it('explains rate limiting and unexpected failures', () => {
    expect(describeLoginFailure(problem('too_many_requests', 429), 'zh-CN', t).lines).toEqual(['尝试过于频繁，请稍后再试。']);
    expect(describeLoginFailure(new Error('boom'), 'zh-CN', t).lines).toEqual(['操作失败，请稍后重试']);
  });
});
