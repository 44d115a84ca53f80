import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isApiError, setCsrfToken } from '@/api/http';
import { uploadForm, type UploadProgress } from '@/api/upload';
import { evidenceApi, evidencePath } from '@/api/evidence';

// A stand-in for the browser's XMLHttpRequest: records what was sent and lets the test play the
// upload's progress and the server's answer.
class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  responseHeaders: Record<string, string> = {};
  private listeners: Record<string, ((event?: unknown) => void)[]> = {};
  private uploadListeners: ((event: ProgressEvent) => void)[] = [];
  upload = { addEventListener: (_: string, listener: (event: ProgressEvent) => void) => this.uploadListeners.push(listener) };

  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }
  addEventListener(name: string, listener: (event?: unknown) => void): void {
    (this.listeners[name] ??= []).push(listener);
  }
  send(body: unknown): void {
    this.body = body;
  }
  progress(loaded: number, total: number, lengthComputable = true): void {
    for (const l of this.uploadListeners) l({ loaded, total, lengthComputable } as ProgressEvent);
  }
  answer(status: number, body: unknown, type = 'application/json'): void {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.responseHeaders = { 'content-type': type };
    for (const l of this.listeners.load ?? []) l();
  }
  fail(): void {
    for (const l of this.listeners.error ?? []) l();
  }
}

describe('uploadForm', () => {
  beforeEach(() => {
    FakeXhr.last = null;
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    setCsrfToken('tok-9');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('posts the form with the CSRF token to the API path and reports the progress of the body', async () => {
    const seen: UploadProgress[] = [];
    const form = new FormData();
    form.append('kind', 'site_media');
    const pending = uploadForm<{ id: number }>('/risks/7/evidence', form, { onProgress: (p) => seen.push(p) });
    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/risks/7/evidence');
    expect(xhr.headers['X-CSRF-Token']).toBe('tok-9');
    expect(xhr.body).toBe(form);
    xhr.progress(512, 2048);
    xhr.progress(2048, 2048);
    xhr.progress(100, 0, false);
    xhr.answer(201, { id: 31 });
    await expect(pending).resolves.toEqual({ id: 31 });
    expect(seen.map((p) => p.percent)).toEqual([25, 100, null]);
    expect(seen[2].total).toBeNull();
  });

  it("rejects with the server's problem, in both languages", async () => {
    const pending = uploadForm('/meetings/3/evidence', new FormData());
    FakeXhr.last!.answer(
      415,
      { code: 'unsupported_media_type', status: 415, title: '不支持的文件类型', title_en: 'Unsupported file type', detail: '按文件内容判断' },
      'application/problem+json',
    );
    const error = await pending.catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'unsupported_media_type', status: 415 });
  });

  it('turns a lost connection into a network problem and passes the query for imports', async () => {
    const pending = uploadForm('/imports', new FormData(), { query: { kind: 'roster', case_id: 4 } });
    expect(FakeXhr.last!.url).toBe('/api/v1/imports?kind=roster&case_id=4');
    FakeXhr.last!.fail();
    await expect(pending).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });
});

describe('evidence owners', () => {
  beforeEach(() => vi.stubGlobal('XMLHttpRequest', FakeXhr));
  afterEach(() => vi.unstubAllGlobals());

  it('address the files of a case, a risk and a meeting under their own collection', () => {
    expect(evidencePath({ kind: 'case', id: 1 })).toBe('/cases/1/evidence');
    expect(evidencePath({ kind: 'risk', id: 2 }, '/5/withdraw')).toBe('/risks/2/evidence/5/withdraw');
    expect(evidencePath({ kind: 'meeting', id: 3 })).toBe('/meetings/3/evidence');
  });

  it('send the fields before the file, as the server reads them', async () => {
    const file = new File(['%PDF-1.4'], '会议纪要.pdf', { type: 'application/pdf' });
    const pending = evidenceApi.upload({ kind: 'meeting', id: 3 }, file, { kind: 'minutes', supports: 'minutes', note: '' });
    const form = FakeXhr.last!.body as FormData;
    expect([...form.keys()]).toEqual(['kind', 'supports', 'file']);
    FakeXhr.last!.answer(201, { id: 1 });
    await pending;
  });
});
