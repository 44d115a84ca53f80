import { storeToRefs } from 'pinia';
import { useAppStore } from '@/store/app';
import { useBodiesStore } from '@/store/bodies';

/** `bodyName(code)` in the current language, for tables and forms. */
export function useBodyName() {
  const bodies = useBodiesStore();
  const { locale } = storeToRefs(useAppStore());
  return (code: string | null | undefined) => bodies.nameOf(code, locale.value);
}
