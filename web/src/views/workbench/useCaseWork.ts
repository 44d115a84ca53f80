import { computed, ref, shallowRef } from 'vue';
import { storeToRefs } from 'pinia';
import { useI18n } from 'vue-i18n';
import { casesApi, type CaseClock, type CaseDetail, type CaseSummary } from '@/api/cases';
import { useAppStore } from '@/store/app';
import { useAuthStore } from '@/store/auth';
import { useNow } from '@/composables/useNow';
import { BODY_WORK_STATES, liveClockStatus, secondsLeft } from '@/utils/caseMeta';
import { collectOpenClocks, mergeCasePages, type WorkClock } from '@/utils/caseWork';
import { formatDuration } from '@/utils/datetime';
import { formatMoney, formatYuan, sumFen } from '@/utils/money';
import { errorMessage } from '@/utils/notify';

/** Details fetched for the clocks panel: the first cases of the to-do list only. */
const CLOCK_CASES = 10;
const PER_STATE = 20;
const DUE_SOON_SECONDS = 3 * 86_400;

/**
 * The workbench's case work: my body's cases in the states where it usually has to act (one list
 * request per state — the API filters one state at a time), and the open clocks of the first ten
 * of them. Bodies without such states (区治欠办, leadership) get the most recently changed cases.
 */
export function useCaseWork() {
  const auth = useAuthStore();
  const { locale } = storeToRefs(useAppStore());
  const { t } = useI18n();
  const now = useNow(1000);

  const body = computed(() => auth.user?.body?.code ?? '');
  const states = computed(() => BODY_WORK_STATES[body.value] ?? []);
  const hasWorkStates = computed(() => states.value.length > 0);

  const items = shallowRef<CaseSummary[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const error = ref('');
  const clocks = shallowRef<WorkClock[]>([]);
  const clocksLoading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = '';
    try {
      const pages = hasWorkStates.value
        ? await Promise.all(states.value.map((state) => casesApi.list({ page: 1, page_size: PER_STATE, state })))
        : [await casesApi.list({ page: 1, page_size: PER_STATE })];
      const merged = mergeCasePages(pages);
      items.value = merged.items;
      total.value = merged.total;
    } catch (e) {
      error.value = errorMessage(e);
      items.value = [];
      total.value = 0;
    } finally {
      loading.value = false;
    }
    await loadClocks();
  }

  async function loadClocks(): Promise<void> {
    clocksLoading.value = true;
    try {
      const first = items.value.slice(0, CLOCK_CASES);
      const details = await Promise.all(first.map((c) => casesApi.get(c.id).catch(() => null)));
      const found = details.filter((d): d is CaseDetail => d !== null);
      clocks.value = collectOpenClocks(found, body.value, !hasWorkStates.value);
    } finally {
      clocksLoading.value = false;
    }
  }

  const status = (clock: CaseClock) => liveClockStatus(clock, now.value);
  const left = (clock: CaseClock) => secondsLeft(clock, now.value);
  const countdown = (clock: CaseClock) => {
    const seconds = left(clock);
    const words = formatDuration(seconds, locale.value);
    return seconds >= 0 ? t('clock.remaining', { time: words }) : t('clock.overdueBy', { time: words });
  };
  const overdue = computed(() => clocks.value.filter((w) => status(w.clock) === 'overdue').length);
  const dueSoon = computed(
    () => clocks.value.filter((w) => status(w.clock) === 'running' && left(w.clock) <= DUE_SOON_SECONDS).length,
  );
  const outstandingText = computed(() => formatYuan(sumFen(items.value.map((c) => c.outstanding.fen)), locale.value));
  const money = (m: CaseSummary['outstanding']) => formatMoney(m, locale.value);
  const listLink = computed(() => {
    if (body.value === 'police') return '/cases/incoming';
    if (body.value === 'procuratorate') return '/cases/supervision';
    if (body.value === 'court') return '/cases/green-channel';
    return '/cases';
  });

  return {
    items,
    total,
    loading,
    error,
    clocks,
    clocksLoading,
    hasWorkStates,
    load,
    status,
    left,
    countdown,
    overdue,
    dueSoon,
    outstandingText,
    money,
    listLink,
  };
}
