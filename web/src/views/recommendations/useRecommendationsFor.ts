import { computed, ref, shallowRef } from 'vue';
import { pageParams, recommendationsApi, type Recommendation, type RecommendationFilters } from '@/api/recommendations';
import { useAuthStore } from '@/store/auth';
import { errorMessage } from '@/utils/notify';

/**
 * The recommendations based on one project, risk item or case (GET /recommendations?project_id=…),
 * and whether the caller may issue one: the list's can_issue, or belonging to the procuratorate
 * while the list has not answered.
 */
export function useRecommendationsFor(filters: () => RecommendationFilters | null) {
  const auth = useAuthStore();
  const items = shallowRef<Recommendation[]>([]);
  const total = ref(0);
  const serverCanIssue = ref<boolean | null>(null);
  const loading = ref(false);
  const error = ref('');

  async function load(): Promise<void> {
    const wanted = filters();
    if (!wanted) return;
    loading.value = true;
    error.value = '';
    try {
      const answer = await recommendationsApi.list({ ...wanted, ...pageParams({ page: 1, page_size: 50 }) });
      items.value = answer.items;
      total.value = answer.total;
      serverCanIssue.value = answer.can_issue;
    } catch (failure) {
      error.value = errorMessage(failure);
    } finally {
      loading.value = false;
    }
  }

  const canIssue = computed(() => serverCanIssue.value ?? auth.user?.body?.code === 'procuratorate');

  return { items, total, canIssue, loading, error, load };
}
