import { computed, onMounted, ref, shallowRef } from 'vue';
import { worklistApi, type WorkItem, type Worklist } from '@/api/worklist';
import { errorMessage } from '@/utils/notify';

/**
 * A worklist page: one server call, tabs from the sections the server names (those of `wanted`, in
 * that order, when given), "all" first.
 */
export function useWorklistTabs(wanted: readonly string[] = []) {
  const list = shallowRef<Worklist | null>(null);
  const loading = ref(false);
  const error = ref('');
  const tab = ref('all');

  async function load(): Promise<void> {
    loading.value = true;
    error.value = '';
    try {
      list.value = await worklistApi.get();
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
  }

  const relevant = computed<WorkItem[]>(() => {
    const items = list.value?.items ?? [];
    if (wanted.length === 0) return items;
    return items.filter((item) => item.reasons.some((r) => wanted.includes(r.code)));
  });
  const tabs = computed(() => {
    const sections = list.value?.sections ?? [];
    const shown = wanted.length ? wanted.map((code) => sections.find((s) => s.code === code)).filter((s) => s !== undefined) : sections;
    return shown;
  });
  const visible = computed(() =>
    tab.value === 'all' ? relevant.value : relevant.value.filter((item) => item.reasons.some((r) => r.code === tab.value)),
  );

  onMounted(load);
  return { list, loading, error, tab, tabs, relevant, visible, load };
}
