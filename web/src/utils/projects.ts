// Small readings of what the project monitoring API sends (api/projects.ts), for the pages under
// views/projects. The server decides every warning; these only put its answer into words.
import type { ProjectWarning } from '@/api/projects';

/** Masked names as a person reads them: "张*、王*等3人" (Chinese) or "张*, 王* (3 workers)". */
export function formatWorkers(names: readonly string[], total: number, locale: string): string {
  if (total <= 0 && names.length === 0) return '';
  const count = Math.max(total, names.length);
  if (locale.startsWith('en')) return `${names.join(', ')}${names.length ? ' ' : ''}(${count} worker${count === 1 ? '' : 's'})`;
  return `${names.join('、')}等${count}人`;
}

const STATUS_TAGS = 'CONFIRMED|SECONDARY|UNCONFIRMED|LOCAL|DERIVED|PLATFORM_SETTING';

/**
 * Server text that carries a legal status tag for the maintainers ("（某省平台规则，LOCAL）"): the
 * tag is dropped, the words stay. The page says what the status means in words of its own.
 */
export function withoutStatusTags(text: string): string {
  return text
    .replace(new RegExp(`[（(]\\s*(?:${STATUS_TAGS})\\s*[）)]`, 'g'), '')
    .replace(new RegExp(`\\s*[，,、;；]\\s*(?:${STATUS_TAGS})(?=\\s*[）)])`, 'g'), '')
    .replace(new RegExp(`(?:^|\\s)(?:${STATUS_TAGS})(?=\\s|$)`, 'g'), '')
    .trim();
}

/**
 * Whether a warning's threshold is the district's to set: a LOCAL rule, or a threshold the server
 * marks as a local practice, unconfirmed or a platform default (threshold_status).
 */
export function thresholdIsLocal(warning: Pick<ProjectWarning, 'source_status' | 'threshold_status'>): boolean {
  return warning.source_status === 'LOCAL' || ['LOCAL', 'UNCONFIRMED', 'PLATFORM_SETTING'].includes(warning.threshold_status);
}

/** A server field path's own prefix on its message ("builder.credit_code：…") is left off beside that field. */
export function withoutFieldPrefix(message: string, field: string | undefined): string {
  if (!field) return message;
  for (const separator of ['：', ': ', ':']) {
    if (message.startsWith(field + separator)) return message.slice(field.length + separator.length).trim();
  }
  return message;
}
