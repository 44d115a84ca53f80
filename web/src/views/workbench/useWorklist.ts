import { computed, ref, shallowRef } from 'vue';
import { storeToRefs } from 'pinia';
import { useI18n } from 'vue-i18n';
import type { CaseClock } from '@/api/cases';
import { worklistApi, type WorkClock, type WorkItem, type Worklist } from '@/api/worklist';
import { useAppStore } from '@/store/app';
import { useAuthStore } from '@/store/auth';
import { useNow } from '@/composables/useNow';
import { liveClockStatus, secondsLeft } from '@/utils/caseMeta';
import { formatDuration } from '@/utils/datetime';
import { formatMoney, formatYuan } from '@/utils/money';
import { errorMessage } from '@/utils/notify';

const DUE_SOON_SECONDS = 3 * 86_400;

/** One clock of the worklist with the case it belongs to. */
export interface WorkbenchClock {
  clock: WorkClock;
  caseId: number;
  caseNo: string;
  title: string;
}

/**
 * The caller's work from one server call (GET /api/v1/worklist): which cases are its work and why,
 * the clocks that concern it and the steps it may take are the server's decision, not the client's.
 */
export function useWorklist() {
  const auth = useAuthStore();
  const { locale } = storeToRefs(useAppStore());
  const { t } = useI18n();
  const now = useNow(1000);

  const list = shallowRef<Worklist | null>(null);
  const loading = ref(false);
  const error = ref('');

  async function load(): Promise<void> {
    loading.value = true;
    error.value = '';
    try {
      list.value = await worklistApi.get();
    } catch (e) {
      error.value = errorMessage(e);
      list.value = null;
    } finally {
      loading.value = false;
    }
  }

  const items = computed<WorkItem[]>(() => list.value?.items ?? []);
  const total = computed(() => list.value?.total ?? 0);
  const sections = computed(() => list.value?.sections ?? []);
  const clocks = computed<WorkbenchClock[]>(() =>
    items.value
      .flatMap((item) =>
        item.clocks.map((clock) => ({ clock, caseId: item.id, caseNo: item.case_no, title: item.project_name || item.title })),
      )
      .sort((a, b) => Date.parse(a.clock.due_at) - Date.parse(b.clock.due_at)),
  );

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
  const outstandingText = computed(() => formatYuan(list.value?.outstanding.fen ?? 0, locale.value));
  const money = (m: WorkItem['outstanding']) => formatMoney(m, locale.value);
  const named = (n: { name_zh: string; name_en: string }) => (locale.value === 'en' ? n.name_en || n.name_zh : n.name_zh);
  const listLink = computed(() => {
    const body = auth.user?.body?.code ?? '';
    if (body === 'police') return '/cases/incoming';
    if (body === 'procuratorate') return '/cases/supervision';
    if (body === 'court') return '/cases/green-channel';
    return '/cases';
  });

  return {
    list,
    items,
    total,
    sections,
    loading,
    error,
    clocks,
    load,
    status,
    left,
    countdown,
    overdue,
    dueSoon,
    outstandingText,
    money,
    named,
    listLink,
  };
}
