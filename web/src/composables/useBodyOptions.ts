import { computed } from 'vue';
import { storeToRefs } from 'pinia';
import { useAppStore } from '@/store/app';
import { useBodiesStore } from '@/store/bodies';
import { BODY_CODES } from '@/api/types';

/** Select options for a body: from GET /bodies, or the built-in list until it has loaded. */
export function useBodyOptions() {
  const bodies = useBodiesStore();
  const { items } = storeToRefs(bodies);
  const { locale } = storeToRefs(useAppStore());
  return computed(() => {
    // Member bodies only: the region at the root of the tree is not a body one works in.
    const members = items.value.filter((body) => body.parent_code);
    const codes = members.length > 0 ? members.map((body) => body.code) : [...BODY_CODES];
    return codes.map((code) => ({ value: code, label: bodies.nameOf(code, locale.value) }));
  });
}
