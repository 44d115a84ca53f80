// One way to send a file: multipart/form-data (the browser sets the boundary) with the CSRF token,
// reporting how much of the body has gone out, so a long upload (a site video, a payroll workbook)
// shows its progress instead of a spinner. Used by the evidence files and the imports. XHR rather
// than fetch: fetch reports no upload progress.
import { ApiError, buildUrl, getCsrfToken, readProblem, type Query } from './http';

export interface UploadProgress {
  /** Bytes of the request body sent so far. */
  loaded: number;
  /** The whole body's bytes, when the browser knows them. */
  total: number | null;
  /** 0–100, when the total is known. */
  percent: number | null;
}

export interface UploadOptions {
  query?: Query;
  onProgress?: (progress: UploadProgress) => void;
}

function networkError(): ApiError {
  return new ApiError({
    type: 'urn:wagelink:problem:network_error',
    code: 'network_error',
    status: 0,
    title: '无法连接服务器，请检查网络后重试',
    title_en: 'Cannot reach the server; check the network and try again',
  });
}

/**
 * POSTs `form` to the API path; resolves with the JSON answer, rejects with the server's problem as
 * an ApiError. A file given as a Blob goes as the whole body, typed by the file.
 */
export function uploadForm<T>(path: string, form: FormData | Blob, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path, options.query));
    if (form instanceof Blob) xhr.setRequestHeader('Content-Type', form.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    if (options.onProgress) {
      const report = options.onProgress;
      xhr.upload.addEventListener('progress', (event: ProgressEvent) => {
        const total = event.lengthComputable && event.total > 0 ? event.total : null;
        report({ loaded: event.loaded, total, percent: total ? Math.min(100, Math.round((event.loaded / total) * 100)) : null });
      });
    }
    xhr.addEventListener('error', () => reject(networkError()));
    xhr.addEventListener('abort', () => reject(networkError()));
    xhr.addEventListener('load', () => {
      const answer = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' },
      });
      if (xhr.status < 200 || xhr.status >= 300) {
        readProblem(answer).then((problem) => reject(new ApiError(problem)), reject);
        return;
      }
      answer.json().then(
        (body) => resolve(body as T),
        () =>
          reject(
            new ApiError({
              type: 'urn:wagelink:problem:bad_response',
              code: 'bad_response',
              status: xhr.status,
              title: '服务器返回了无法识别的数据',
              title_en: 'The server sent a response that could not be read',
            }),
          ),
      );
    });
    xhr.send(form);
  });
}
