import { ElMessage, ElMessageBox } from 'element-plus';
import { isApiError } from '@/api/http';
import { currentLocale, t } from '@/locales';

/** The sentence to show for any failure: the server's problem detail in the user's language. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.localizedMessage(currentLocale());
  return t('errors.unexpected');
}

/** Shows a failure as a toast (with the request id, so a user can quote it to the operators). */
export function showError(error: unknown): void {
  if ((error as Error)?.name === 'AbortError') return;
  if (isApiError(error) && error.alreadyApplied) {
    // A write repeated after a lost answer had been saved the first time: say so, not "failed".
    ElMessage({ type: 'success', message: errorMessage(error), grouping: true, duration: 5000, showClose: true });
    return;
  }
  let message = errorMessage(error);
  if (isApiError(error) && error.requestId) message += `（${t('common.requestId')}: ${error.requestId}）`;
  ElMessage({ type: 'error', message, grouping: true, duration: 5000, showClose: true });
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message, grouping: true });
}

/** A problem naming one of the form's fields, so the form can show it next to that field. */
export function fieldError(error: unknown, known: readonly string[]): { field: string; message: string } | null {
  if (!isApiError(error) || !error.field || !known.includes(error.field)) return null;
  return { field: error.field, message: error.localizedMessage(currentLocale()) };
}

/** Asks the user to confirm a consequential action; resolves true on confirm. */
export async function confirmAction(message: string, options: { danger?: boolean; title?: string } = {}): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, options.title ?? t('common.confirm'), {
      type: 'warning',
      confirmButtonText: t('common.ok'),
      cancelButtonText: t('common.cancel'),
      confirmButtonClass: options.danger ? 'el-button--danger' : undefined,
      autofocus: false,
      closeOnClickModal: false,
    });
    return true;
  } catch {
    return false;
  }
}
